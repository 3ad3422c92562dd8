namespace InteropHub.Sandbox.PagoPa.Gpd;

/// <summary>
/// The debt positions of every organization and GPD's state machine over them (docs/platforms/pagopa.md §1.5): each operation runs
/// under one lock and first applies the lazy transitions (PUBLISHED→VALID at the validity date, VALID→EXPIRED after
/// the last due date when <c>switchToExpired</c>), as GPD does on lookup.
/// </summary>
internal sealed class GpdStore(TimeProvider time)
{
    private static readonly GpdPositionStatus[] NotUpdatable = [GpdPositionStatus.Invalid, GpdPositionStatus.PartiallyPaid, GpdPositionStatus.Paid, GpdPositionStatus.Reported];
    private static readonly GpdPositionStatus[] Paid = [GpdPositionStatus.PartiallyPaid, GpdPositionStatus.Paid, GpdPositionStatus.Reported];

    private readonly Lock _lock = new();
    private readonly List<DebtPosition> _positions = [];

    public T Create<T>(DebtPosition position, bool toPublish, Func<DebtPosition, T> answer) => CreateMany([position], toPublish, p => answer(p[0]));

    /// <summary>All or nothing: one invalid or duplicate position refuses the whole call.</summary>
    public T CreateMany<T>(IReadOnlyList<DebtPosition> positions, bool toPublish, Func<IReadOnlyList<DebtPosition>, T> answer)
    {
        lock (_lock)
        {
            var now = GpdDates.Now(time);
            foreach (var position in positions)
            {
                PositionValidation.Check(position, now);
            }

            var organization = positions.Count > 0 ? positions[0].OrganizationFiscalCode : "";
            var iupds = positions.Select(p => p.Iupd).ToList();
            if (iupds.Distinct(StringComparer.Ordinal).Count() != iupds.Count
                || _positions.Any(p => p.OrganizationFiscalCode == organization && iupds.Contains(p.Iupd, StringComparer.Ordinal))
                || !OptionsUnique(organization, positions.SelectMany(p => p.Options), except: null))
            {
                throw GpdErrors.UniqueViolation(organization);
            }

            foreach (var position in positions)
            {
                Stamp(position, now, now);
                if (toPublish)
                {
                    PublishNow(position, now);
                }

                _positions.Add(position);
            }

            return answer(positions);
        }
    }

    public T Get<T>(string organization, string iupd, Func<DebtPosition, T> answer)
    {
        lock (_lock)
        {
            return answer(Find(organization, iupd, GpdDates.Now(time)));
        }
    }

    public T Update<T>(DebtPosition update, bool toPublish, Func<DebtPosition, T> answer)
    {
        lock (_lock)
        {
            var now = GpdDates.Now(time);
            var position = Find(update.OrganizationFiscalCode, update.Iupd, now);
            if (NotUpdatable.Contains(position.Status))
            {
                throw GpdErrors.NotUpdatable(position.OrganizationFiscalCode, position.Iupd);
            }

            PositionValidation.Check(update, now);
            if (!OptionsUnique(update.OrganizationFiscalCode, update.Options, except: position))
            {
                throw GpdErrors.UniqueViolation(update.OrganizationFiscalCode);
            }

            Stamp(update, position.InsertedDate, now);
            _positions[_positions.IndexOf(position)] = update;
            if (toPublish)
            {
                PublishNow(update, now);
            }

            return answer(update);
        }
    }

    public T Publish<T>(string organization, string iupd, Func<DebtPosition, T> answer)
    {
        lock (_lock)
        {
            var now = GpdDates.Now(time);
            var position = Find(organization, iupd, now);
            if (position.Status != GpdPositionStatus.Draft)
            {
                throw GpdErrors.NotPublishable(organization, iupd);
            }

            if (position.ValidityDate < now)
            {
                throw GpdErrors.PublishValidityDateMismatch(organization, iupd);
            }

            if (position.Options.Count > 0 && position.Options.Min(o => o.DueDate) < now)
            {
                throw GpdErrors.PublishDueDateMismatch(organization, iupd);
            }

            PublishNow(position, now);
            return answer(position);
        }
    }

    public T Invalidate<T>(string organization, string iupd, Func<DebtPosition, T> answer)
    {
        lock (_lock)
        {
            var now = GpdDates.Now(time);
            var position = Find(organization, iupd, now);
            if (position.Status is not (GpdPositionStatus.Published or GpdPositionStatus.Valid))
            {
                throw GpdErrors.NotInvalidable(organization, iupd);
            }

            position.Status = GpdPositionStatus.Invalid;
            position.LastUpdatedDate = now;
            return answer(position);
        }
    }

    public void Delete(string organization, string iupd)
    {
        lock (_lock)
        {
            var position = Find(organization, iupd, GpdDates.Now(time));
            if (Paid.Contains(position.Status))
            {
                throw GpdErrors.PaymentFound(organization, iupd);
            }

            _positions.Remove(position);
        }
    }

    /// <summary>The organization's positions, freshly transitioned, for a list query to filter.</summary>
    public T Query<T>(string organization, Func<IReadOnlyList<DebtPosition>, T> answer)
    {
        lock (_lock)
        {
            var now = GpdDates.Now(time);
            var positions = _positions.Where(p => p.OrganizationFiscalCode == organization).ToList();
            positions.ForEach(p => Refresh(p, now));
            return answer(positions);
        }
    }

    /// <summary>A citizen pays one option: GPD's checks, then PO_PAID with a receipt and the position PAID or PARTIALLY_PAID.</summary>
    public PagoPaReceipt Pay(PagoPaPayment payment)
    {
        lock (_lock)
        {
            var now = GpdDates.Now(time);
            var org = payment.OrganizationFiscalCode;
            var (position, option) = FindOption(payment, now);
            if (option.Status != GpdOptionStatus.PoUnpaid)
            {
                throw GpdErrors.OptionAlreadyPaid(org, option.Nav);
            }

            var payable = position.Status == GpdPositionStatus.Valid
                || (position.Status == GpdPositionStatus.PartiallyPaid && option.IsPartialPayment);
            if (!payable)
            {
                throw GpdErrors.OptionNotPayable(org, option.Nav);
            }

            if (payment.Amount is { } amount && amount != option.Amount)
            {
                throw GpdErrors.BadRequest($"amount: {amount} is not the amount of NAV {option.Nav} ({option.Amount})");
            }

            var paidAt = payment.PaymentDateTime is { } at ? DateTime.SpecifyKind(at.UtcDateTime, DateTimeKind.Unspecified) : now;
            option.Status = GpdOptionStatus.PoPaid;
            option.LastUpdatedDate = now;
            var installmentsLeft = position.Options.Any(o => o.IsPartialPayment && o.Status == GpdOptionStatus.PoUnpaid);
            position.Status = option.IsPartialPayment && installmentsLeft ? GpdPositionStatus.PartiallyPaid : GpdPositionStatus.Paid;
            position.PaymentDate = paidAt;
            position.LastUpdatedDate = now;
            option.Receipt = new PagoPaReceipt(
                payment.ReceiptId ?? Guid.NewGuid().ToString("N"),
                org,
                position.Iupd,
                option.Nav,
                option.Iuv,
                option.Amount,
                payment.Fee,
                payment.PspId,
                payment.PspName,
                payment.PaymentMethod,
                paidAt,
                position.Status);
            return option.Receipt;
        }
    }

    /// <summary>The organization's paid options, oldest payment first: what its receipts, receipt APIs and reporting flows are made of.</summary>
    public IReadOnlyList<PaidNotice> PaidNotices(string organization)
    {
        lock (_lock)
        {
            return [.. _positions
                .Where(p => p.OrganizationFiscalCode == organization)
                .SelectMany(p => p.Options.Where(o => o.Receipt is not null).Select(o => new PaidNotice(
                    p.CompanyName,
                    p.OfficeName,
                    p.Type,
                    p.FiscalCode,
                    p.FullName,
                    p.Debtor,
                    o.Description,
                    o.Transfers,
                    o.Receipt!)))
                .OrderBy(n => n.Receipt.PaymentDateTime)
                .ThenBy(n => n.Receipt.Iuv, StringComparer.Ordinal)];
        }
    }

    public IReadOnlyList<GpdPositionSnapshot> Snapshots(string organization) =>
        Query(organization, positions => positions.Select(Snapshot).ToList());

    private static GpdPositionSnapshot Snapshot(DebtPosition p) => new(
        p.OrganizationFiscalCode,
        p.Iupd,
        p.Status,
        p.InsertedDate,
        p.PublishDate,
        p.PaymentDate,
        [.. p.Options.Select(o => new GpdOptionSnapshot(o.Iuv, o.Nav, o.Amount, o.IsPartialPayment, o.DueDate, o.Status, o.Receipt))]);

    private (DebtPosition Position, PaymentOption Option) FindOption(PagoPaPayment payment, DateTime now)
    {
        var org = payment.OrganizationFiscalCode;
        foreach (var position in _positions.Where(p => p.OrganizationFiscalCode == org))
        {
            var option = position.Options.FirstOrDefault(o => payment.NoticeNumber is { } nav ? o.Nav == nav : o.Iuv == payment.Iuv);
            if (option is not null)
            {
                Refresh(position, now);
                return (position, option);
            }
        }

        throw payment.NoticeNumber is { } notice
            ? GpdErrors.OptionNotFound(org, notice)
            : GpdErrors.OptionIuvNotFound(org, payment.Iuv ?? "");
    }

    private DebtPosition Find(string organization, string iupd, DateTime now)
    {
        var position = _positions.FirstOrDefault(p => p.OrganizationFiscalCode == organization && p.Iupd == iupd)
            ?? throw GpdErrors.NotFound(organization, iupd);
        Refresh(position, now);
        return position;
    }

    private bool OptionsUnique(string organization, IEnumerable<PaymentOption> options, DebtPosition? except)
    {
        var fresh = options.ToList();
        var keys = fresh.Select(o => o.Iuv).Concat(fresh.Select(o => "nav:" + o.Nav)).ToList();
        if (keys.Distinct(StringComparer.Ordinal).Count() != keys.Count)
        {
            return false;
        }

        return !_positions
            .Where(p => p.OrganizationFiscalCode == organization && p != except)
            .SelectMany(p => p.Options)
            .Any(o => fresh.Any(n => n.Iuv == o.Iuv || n.Nav == o.Nav));
    }

    private static void Stamp(DebtPosition position, DateTime inserted, DateTime now)
    {
        position.InsertedDate = inserted;
        position.LastUpdatedDate = now;
        position.Status = GpdPositionStatus.Draft;
        foreach (var option in position.Options)
        {
            option.InsertedDate = now;
            option.LastUpdatedDate = now;
        }
    }

    private static void PublishNow(DebtPosition position, DateTime now)
    {
        position.PublishDate = now;
        position.LastUpdatedDate = now;
        position.ValidityDate ??= now;
        position.Status = position.ValidityDate <= now ? GpdPositionStatus.Valid : GpdPositionStatus.Published;
    }

    private static void Refresh(DebtPosition position, DateTime now)
    {
        if (position.Status == GpdPositionStatus.Published && position.ValidityDate <= now)
        {
            position.Status = GpdPositionStatus.Valid;
        }

        if (position.Status == GpdPositionStatus.Valid && position.SwitchToExpired
            && position.Options.Count > 0 && position.Options.Max(o => o.DueDate) < now)
        {
            position.Status = GpdPositionStatus.Expired;
        }
    }
}
