using System.Globalization;

namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// Builds a comune's population from its spec: resident families (some widowed), omocodia twins, deceased people
/// who lived alone, cancelled subjects and AIRE families. Everything follows from the seed.
/// </summary>
internal sealed class PopulationGenerator
{
    /// <summary>Populations describe ANPR as of this day, whatever the sandbox clock says, so they never depend on when they are built.</summary>
    public static readonly DateOnly AsOf = new(2025, 12, 31);

    /// <summary>Generated deaths and cancellations happen from this day on.</summary>
    private static readonly DateOnly FirstEvent = new(2016, 1, 1);

    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private readonly AnprPopulationSpec _spec;
    private readonly SeededRandom _random;
    private readonly List<AnprSubject> _subjects = [];
    private readonly HashSet<string> _fiscalCodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private int _families;
    private int _residents;
    private int _abroad;

    private PopulationGenerator(AnprPopulationSpec spec)
    {
        _spec = spec;
        _random = new SeededRandom(spec.Seed, spec.Name);
    }

    public static AnprPopulation Generate(AnprPopulationSpec spec)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spec.Residents);
        var generator = new PopulationGenerator(spec);
        generator.Run();
        return new AnprPopulation(spec, generator._subjects);
    }

    private void Run()
    {
        var deceased = Math.Max(20, _spec.Residents * 3 / 100);
        var widowed = deceased / 2;
        while (_residents < _spec.Residents)
        {
            // Widowed families spread through the register, so the first family heads are not all widowers.
            widowed -= ResidentFamily(widowed > 0 && _random.Chance(0.06)) ? 1 : 0;
        }

        var originals = _subjects.Where(s => s.DeathDate is null && !s.LivesAbroad && s.BirthDate <= AsOf.AddYears(-20)).ToList();
        for (var i = 0; i < Math.Max(20, _spec.Residents / 100); i++)
        {
            Twin(_random.Pick(originals));
        }

        for (var i = 0; i < deceased - (deceased / 2) + widowed; i++)
        {
            DeceasedAlone();
        }

        for (var i = 0; i < Math.Max(20, _spec.Residents / 50); i++)
        {
            Cancelled();
        }

        var abroad = Math.Max(40, _spec.Residents / 25);
        while (_abroad < abroad)
        {
            AbroadFamily();
        }
    }

    /// <returns>Whether a widowed family was made (its spouse dead).</returns>
    private bool ResidentFamily(bool widowed)
    {
        var size = Weighted([(1, 30), (2, 27), (3, 20), (4, 17), (5, 6)]);
        var foreign = _random.Chance(0.08);
        var origin = foreign ? _random.Pick(BirthPlaces.Foreign) : null;
        var head = NewPerson(RandomSex(), size == 1 ? _random.Next(20, 91) : _random.Next(28, 81), origin);
        var members = new List<(Person Person, string Code)> { (head, AnprFamilyLink.Head) };

        Person? spouse = null;
        if (size >= 2)
        {
            var roll = _random.Next(0, 100);
            if (roll < 90)
            {
                spouse = NewPerson(Opposite(head.Sex), Math.Clamp(head.Age + _random.Next(-6, 7), 20, 95), origin);
                members.Add((spouse, roll < 80 ? AnprFamilyLink.Spouse : AnprFamilyLink.Partner));
            }
        }

        var father = head.Sex == AnprSex.Male ? head : spouse?.Sex == AnprSex.Male ? spouse : head;
        var mother = head.Sex == AnprSex.Female ? head : spouse?.Sex == AnprSex.Female ? spouse : null;
        var maxChildAge = Math.Min(head.Age - 20, (mother?.Age ?? head.Age) - 18);
        while (members.Count < size)
        {
            var roll = _random.Next(0, 100);
            if (roll < 5 && head.Age + 22 <= 100)
            {
                var parentAge = Math.Min(100, head.Age + _random.Next(22, 36));
                members.Add((NewPerson(RandomSex(), parentAge, origin), AnprFamilyLink.Parent));
            }
            else if (roll < 8)
            {
                var sibling = NewPerson(RandomSex(), Math.Clamp(head.Age + _random.Next(-8, 9), 18, 95), origin) with { Surname = head.Surname };
                members.Add((sibling, AnprFamilyLink.Sibling));
            }
            else
            {
                var child = NewPerson(RandomSex(), _random.Next(0, Math.Max(1, maxChildAge)), null) with { Surname = father.Surname };
                members.Add((child, AnprFamilyLink.Child));
            }
        }

        var adults = members.Where(m => m.Code is AnprFamilyLink.Head or AnprFamilyLink.Spouse or AnprFamilyLink.Partner).Max(m => m.Person.BirthDate);
        var since = _random.Date(Max(adults.AddYears(18), new DateOnly(1970, 1, 1)), AsOf.AddDays(-30));
        var spouseDeath = widowed && spouse is not null ? DeathBetween(since.AddDays(60), AsOf.AddDays(-20)) : null;
        AddFamily(members, AnprFamilyKind.Resident, since, NewAddress(), spouse, spouseDeath);
        return spouseDeath is not null;
    }

    /// <summary>Someone with the same generalità as an earlier resident: the base fiscal code is taken, so this one gets an omocodia variant.</summary>
    private void Twin(AnprSubject original)
    {
        var twin = new Person(original.Surname, original.GivenName, original.Sex, original.BirthDate, original.BirthPlace, AgeOf(original.BirthDate));
        var since = _random.Date(original.BirthDate.AddYears(18), AsOf.AddDays(-30));
        AddFamily([(twin, AnprFamilyLink.Head)], AnprFamilyKind.Resident, since, NewAddress(), null, null);
    }

    private void DeceasedAlone()
    {
        var person = NewPerson(RandomSex(), _random.Next(75, 101), null);
        var death = DeathBetween(FirstEvent, AsOf.AddDays(-20))!.Value;
        var since = _random.Date(person.BirthDate.AddYears(25), death.AddYears(-1));
        AddFamily([(person, AnprFamilyLink.Head)], AnprFamilyKind.Resident, since, NewAddress(), person, death);
    }

    /// <summary>Cancelled (irreperibile, repatriated, …): no family any more, and ANPR never shows them again.</summary>
    private void Cancelled()
    {
        var origin = _random.Chance(0.5) ? _random.Pick(BirthPlaces.Foreign) : null;
        var person = NewPerson(RandomSex(), _random.Next(20, 71), origin);
        var since = _random.Date(person.BirthDate.AddYears(18), AsOf.AddDays(-400));
        var cancelled = _random.Date(Max(since.AddDays(365), FirstEvent), AsOf.AddDays(-10));
        Add(person, [new AnprResidence(since, NewAddress(), null)], null, null, cancelled);
    }

    private void AbroadFamily()
    {
        var size = Weighted([(1, 40), (2, 30), (3, 20), (4, 10)]);
        var head = NewPerson(RandomSex(), _random.Next(25, 76), null);
        var members = new List<(Person Person, string Code)> { (head, AnprFamilyLink.Head) };
        if (size >= 2 && _random.Chance(0.6))
        {
            members.Add((NewPerson(Opposite(head.Sex), Math.Clamp(head.Age + _random.Next(-6, 7), 20, 95), null), AnprFamilyLink.Spouse));
        }

        var locality = _random.Pick(BirthPlaces.AbroadLocalities);
        var state = BirthPlaces.State(locality.StateCode);
        var expatriated = _random.Date(Max(head.BirthDate.AddYears(20), new DateOnly(1990, 1, 1)), AsOf.AddDays(-30));
        while (members.Count < size)
        {
            var child = NewPerson(RandomSex(), _random.Next(0, head.Age - 19), null) with { Surname = head.Surname };
            members.Add((child.BirthDate >= expatriated ? child with { BirthPlace = state } : child, AnprFamilyLink.Child));
        }

        var abroad = new AnprAbroadAddress(
            state, locality.Locality, locality.PostCode, locality.Street, Number(), locality.ConsulateCode, locality.Consulate);
        var familyId = NextFamilyId();
        var lastHome = NewAddress();
        for (var i = 0; i < members.Count; i++)
        {
            var (person, code) = members[i];
            IReadOnlyList<AnprResidence> residences = person.BirthDate >= expatriated
                ? [new(person.BirthDate, null, abroad)]
                : [new(person.BirthDate, lastHome, null), new(expatriated, null, abroad)];
            Add(person, residences, new AnprFamilyLink(familyId, AnprFamilyKind.Abroad, code, i + 1, Max(person.BirthDate, expatriated)), null, null);
        }
    }

    private void AddFamily(
        List<(Person Person, string Code)> members, AnprFamilyKind kind, DateOnly since, AnprAddress home, Person? dies, DateOnly? death)
    {
        var familyId = NextFamilyId();
        var previousHome = NewAddress();
        for (var i = 0; i < members.Count; i++)
        {
            var (person, code) = members[i];
            var born = person.BirthPlace == _spec.Comune.AsBirthPlace();
            IReadOnlyList<AnprResidence> residences = person.BirthDate >= since ? [new(person.BirthDate, home, null)]
                : born ? [new(person.BirthDate, previousHome, null), new(since, home, null)]
                : [new(since, home, null)];
            var link = new AnprFamilyLink(familyId, kind, code, i + 1, Max(person.BirthDate, since));
            Add(person, residences, link, ReferenceEquals(person, dies) ? death : null, null);
        }
    }

    private void Add(Person person, IReadOnlyList<AnprResidence> residences, AnprFamilyLink? family, DateOnly? death, DateOnly? cancelled)
    {
        var baseCode = CodiceFiscaleCalculator.Compute(person.Surname, person.GivenName, person.Sex, person.BirthDate, person.BirthPlace.CadastralCode);
        var subject = new AnprSubject
        {
            IdAnpr = NewIdAnpr(),
            FiscalCode = Unique(baseCode),
            FiscalCodeValidated = _random.Chance(0.9),
            Surname = person.Surname,
            GivenName = person.GivenName,
            Sex = person.Sex,
            BirthDate = person.BirthDate,
            BirthPlace = person.BirthPlace,
            Population = _spec.Name,
            RecordNumber = string.Create(CultureInfo.InvariantCulture, $"{((uint)_spec.Seed % 900) + 100}{_subjects.Count + 1:D6}"),
            Residences = residences,
            Family = family,
            DeathDate = death,
            DeathRecordedOn = death is { } died ? Min(died.AddDays(_random.Next(1, 11)), AsOf) : null,
            CancelledOn = cancelled,
        };
        _subjects.Add(subject);
        if (subject.LivesAbroad)
        {
            _abroad++;
        }
        else if (death is null && cancelled is null)
        {
            _residents++;
        }
    }

    /// <summary>The base code when free, else its first free omocodia variant, as the Agenzia delle Entrate assigns them.</summary>
    private string Unique(string baseCode)
    {
        var code = baseCode;
        for (var substitutions = 1; !_fiscalCodes.Add(code); substitutions++)
        {
            code = CodiceFiscale.Omocode(baseCode, substitutions);
        }

        return code;
    }

    private string NewIdAnpr()
    {
        string id;
        do
        {
            id = string.Concat(
                Letters[_random.Next(0, 26)].ToString(),
                Letters[_random.Next(0, 26)].ToString(),
                _random.Next(0, 100_000).ToString("D5", CultureInfo.InvariantCulture),
                Alphanumerics[_random.Next(0, 36)].ToString(),
                Alphanumerics[_random.Next(0, 36)].ToString());
        }
        while (!_ids.Add(id));

        return id;
    }

    private string NextFamilyId() => string.Create(CultureInfo.InvariantCulture, $"{_spec.Name}/F{++_families:D5}");

    private Person NewPerson(AnprSex sex, int age, AnprPlace? origin)
    {
        var birth = AsOf.AddYears(-age).AddDays(-_random.Next(0, 365));
        var place = origin
            ?? (_random.Next(0, 100) switch
            {
                < 70 => _spec.Comune.AsBirthPlace(),
                < 95 => _random.Pick(BirthPlaces.Italian),
                _ => _random.Pick(BirthPlaces.Foreign),
            });
        var foreignNames = origin is not null && _random.Chance(0.7);
        var surname = _random.Pick(foreignNames ? NameLists.ForeignSurnames : NameLists.Surnames);
        var names = (sex, foreignNames) switch
        {
            (AnprSex.Male, true) => NameLists.ForeignMaleNames,
            (AnprSex.Male, false) => NameLists.MaleNames,
            (_, true) => NameLists.ForeignFemaleNames,
            _ => NameLists.FemaleNames,
        };
        return new Person(surname, _random.Pick(names), sex, birth, place, AgeOf(birth));
    }

    private AnprAddress NewAddress()
    {
        var (species, street) = _random.Pick(NameLists.Streets);
        return new AnprAddress(
            _spec.Comune,
            _random.Pick(_spec.Comune.Caps),
            species,
            street,
            Number(),
            Staircase: _random.Chance(0.2) ? "ABCD"[_random.Next(0, 4)].ToString() : null,
            Interior: _random.Chance(0.35) ? _random.Next(1, 25).ToString(CultureInfo.InvariantCulture) : null);
    }

    private string Number() => _random.Next(1, 181).ToString(CultureInfo.InvariantCulture);

    private DateOnly? DeathBetween(DateOnly from, DateOnly to)
    {
        var start = Max(from, FirstEvent);
        return start <= to ? _random.Date(start, to) : null;
    }

    private AnprSex RandomSex() => _random.Chance(0.5) ? AnprSex.Male : AnprSex.Female;

    private int Weighted(IReadOnlyList<(int Value, int Weight)> choices)
    {
        var roll = _random.Next(0, choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if (roll < weight)
            {
                return value;
            }

            roll -= weight;
        }

        throw new InvalidOperationException("The weights do not add up.");
    }

    private static AnprSex Opposite(AnprSex sex) => sex == AnprSex.Male ? AnprSex.Female : AnprSex.Male;

    private static int AgeOf(DateOnly birth) => AsOf.Year - birth.Year;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private sealed record Person(string Surname, string GivenName, AnprSex Sex, DateOnly BirthDate, AnprPlace BirthPlace, int Age);
}
