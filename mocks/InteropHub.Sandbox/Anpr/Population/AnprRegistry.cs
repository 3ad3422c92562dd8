namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// The sandbox's national register: every population and the collaudo subjects, looked up by fiscal code or idANPR
/// from any comune (ANPR is one national register), with the deaths recorded at run time.
/// </summary>
internal sealed class AnprRegistry
{
    private readonly Lock _lock = new();
    private readonly List<AnprPopulation> _populations = [];
    private readonly List<string> _order = [];
    private readonly Dictionary<string, AnprSubject> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idByFiscalCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _families = new(StringComparer.Ordinal);

    public AnprRegistry(IEnumerable<AnprPopulation> populations)
    {
        AddSubjects(CollaudoSubjects.Population, CollaudoSubjects.All);
        foreach (var population in populations)
        {
            Add(population);
        }
    }

    public IReadOnlyList<AnprPopulation> Populations
    {
        get
        {
            lock (_lock)
            {
                return [.. _populations];
            }
        }
    }

    public void Add(AnprPopulation population)
    {
        lock (_lock)
        {
            AddSubjects(population.Name, population.Subjects);
            _populations.Add(population);
        }
    }

    /// <summary>The subject with this fiscal code (exactly: an omocodia variant is another person's code), or null.</summary>
    public AnprSubject? ByFiscalCode(string fiscalCode)
    {
        lock (_lock)
        {
            return _idByFiscalCode.TryGetValue(fiscalCode, out var id) ? _byId[id] : null;
        }
    }

    public AnprSubject? ById(string idAnpr)
    {
        lock (_lock)
        {
            return _byId.GetValueOrDefault(idAnpr);
        }
    }

    /// <summary>By fiscal code or by idANPR, whichever the text is.</summary>
    public AnprSubject? Find(string fiscalCodeOrIdAnpr) =>
        ByFiscalCode(fiscalCodeOrIdAnpr.ToUpperInvariant()) ?? ById(fiscalCodeOrIdAnpr.ToUpperInvariant());

    /// <summary>Everyone in the subject's family, in member order (the subject alone when it has none).</summary>
    public IReadOnlyList<AnprSubject> Household(AnprSubject subject)
    {
        lock (_lock)
        {
            return subject.Family is { } family && _families.TryGetValue(family.FamilyId, out var members)
                ? [.. members.Select(id => _byId[id])]
                : [_byId[subject.IdAnpr]];
        }
    }

    /// <summary>Records a death on <paramref name="recordedOn"/>; ANPR shows it from the day after.</summary>
    public AnprSubject RecordDeath(string fiscalCodeOrIdAnpr, DateOnly deathDate, DateOnly recordedOn)
    {
        lock (_lock)
        {
            var subject = Find(fiscalCodeOrIdAnpr) ?? throw new KeyNotFoundException($"No subject has fiscal code or idANPR {fiscalCodeOrIdAnpr}.");
            if (subject.DeathDate is not null || subject.CancelledOn is not null)
            {
                throw new ArgumentException($"Subject {subject.IdAnpr} is already dead or cancelled.");
            }

            if (deathDate > recordedOn || deathDate < subject.BirthDate)
            {
                throw new ArgumentException($"The death date must be between the birth date {subject.BirthDate:yyyy-MM-dd} and the day it is recorded, {recordedOn:yyyy-MM-dd}.");
            }

            var dead = subject with { DeathDate = deathDate, DeathRecordedOn = recordedOn };
            _byId[dead.IdAnpr] = dead;
            return dead;
        }
    }

    /// <summary>Subjects of a category, in a stable order, optionally of one population only.</summary>
    public IReadOnlyList<AnprSubject> Subjects(AnprSubjectCategory category, int limit, string? population = null)
    {
        lock (_lock)
        {
            return
            [
                .. _order.Select(id => _byId[id])
                    .Where(s => population is null || s.Population == population)
                    .Where(s => Is(s, category))
                    .Take(limit),
            ];
        }
    }

    public IReadOnlyList<AnprSubjectCategory> CategoriesOf(AnprSubject subject)
    {
        lock (_lock)
        {
            return [.. Enum.GetValues<AnprSubjectCategory>().Where(c => Is(_byId[subject.IdAnpr], c))];
        }
    }

    public IReadOnlyList<string> NotRegisteredFiscalCodes(int limit) => NotRegisteredCodes.Take(limit, code => ByFiscalCode(code) is not null);

    /// <summary>Whether a subject belongs to a category; the caller holds the lock.</summary>
    private bool Is(AnprSubject s, AnprSubjectCategory category) => category switch
    {
        AnprSubjectCategory.Resident => Active(s) && !s.LivesAbroad,
        AnprSubjectCategory.FamilyHead => Active(s) && !s.LivesAbroad && s.Family?.RelationshipCode == AnprFamilyLink.Head
            && _families[s.Family.FamilyId].Count(id => Active(_byId[id])) >= 2,
        AnprSubjectCategory.Deceased => s.DeathDate is not null,
        AnprSubjectCategory.Cancelled => s.CancelledOn is not null,
        AnprSubjectCategory.Abroad => Active(s) && s.LivesAbroad,
        AnprSubjectCategory.Omocode => s.IsOmocode,
        AnprSubjectCategory.Collaudo => s.Population == CollaudoSubjects.Population,
        _ => false,
    };

    private static bool Active(AnprSubject s) => s.DeathDate is null && s.CancelledOn is null;

    /// <summary>Adds all the subjects or none; the caller holds the lock (or is the constructor).</summary>
    private void AddSubjects(string population, IReadOnlyList<AnprSubject> subjects)
    {
        if (_populations.Any(p => p.Name == population) || _byId.Values.Any(s => s.Population == population))
        {
            throw new ArgumentException($"A population named '{population}' is already in the sandbox.");
        }

        var clash = subjects.FirstOrDefault(s => _byId.ContainsKey(s.IdAnpr) || _idByFiscalCode.ContainsKey(s.FiscalCode));
        if (clash is not null)
        {
            throw new ArgumentException(
                $"Population '{population}' reuses idANPR {clash.IdAnpr} or fiscal code {clash.FiscalCode} of another population: choose another seed.");
        }

        foreach (var subject in subjects)
        {
            _byId[subject.IdAnpr] = subject;
            _idByFiscalCode[subject.FiscalCode] = subject.IdAnpr;
            _order.Add(subject.IdAnpr);
            if (subject.Family is { } family)
            {
                if (!_families.TryGetValue(family.FamilyId, out var members))
                {
                    _families[family.FamilyId] = members = [];
                }

                members.Add(subject.IdAnpr);
            }
        }
    }
}
