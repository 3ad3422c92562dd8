using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// ANPR's e-services behind GovWay on one WireMock server (<c>POST {segment}/v1/anpr-service-e002</c> and
/// <c>GET {segment}/v1/status</c>, both needing a PDND voucher, per service), over a generated national register, with the control operations of
/// <c>/__sandbox/anpr</c> as methods for in-process use.
/// </summary>
public sealed class AnprSandbox
{
    private readonly AnprRegistry _registry;
    private readonly DailyQuotas _quotas;
    private readonly RefusalLog _refusals = new();
    private readonly AnprRequestLog _log;
    private readonly OperationStore _operations;
    private readonly FaultInjector _faults;
    private readonly ServiceAnswers _answers;
    private readonly E002Endpoint _e002;
    private readonly StatusEndpoint _status;
    private readonly TimeProvider _time;
    private readonly Uri _baseUrl;

    private AnprSandbox(Uri baseUrl, AnprSandboxSettings settings, TimeProvider time)
    {
        var unknown = settings.Services.Select(s => s.Code)
            .Concat(settings.DailyQuotas.Keys)
            .Concat(settings.StrictModi)
            .FirstOrDefault(code => !ServiceAnswers.Codes.Contains(code));
        if (unknown is not null)
        {
            throw new ArgumentException($"The ANPR sandbox has no service {unknown}; it has {string.Join(", ", ServiceAnswers.Codes.Order(StringComparer.Ordinal))}.");
        }

        if (settings.StoredOperations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.StoredOperations, $"{nameof(AnprSandboxSettings.StoredOperations)} must be at least 1.");
        }

        _baseUrl = baseUrl;
        _time = time;
        _log = new AnprRequestLog(settings.StoredOperations);
        _operations = new OperationStore(settings.StoredOperations);
        Settings = settings;
        _registry = new AnprRegistry(settings.Populations.Select(AnprPopulation.For));
        _quotas = new DailyQuotas(settings.DailyQuotas);
        _faults = new FaultInjector(time);
        _answers = new ServiceAnswers(_registry, new AnprIds(time, "005056ae5232"));
        var govWayIds = new AnprIds(time, "005056ae1884");
        var verifier = new ModiVerifier(settings.VoucherJwksUrl is { } jwks ? new VoucherKeys(jwks) : null, settings.VoucherIssuer);
        _e002 = new E002Endpoint(_answers, _operations, _quotas, verifier, _refusals, _faults, _log, govWayIds, settings.StrictModi, time);
        _status = new StatusEndpoint(_faults, verifier, _refusals, govWayIds, _answers.Unavailable, code => _e002.StrictModi.Contains(code), time);
    }

    public AnprSandboxSettings Settings { get; }

    public IReadOnlyList<AnprService> Services => Settings.Services;

    /// <summary>The service's base URL, <c>{server}/{segment}/v1</c>: the e-service's "server URL" (operations are below it).</summary>
    public Uri ServiceUrl(string serviceCode) => new($"{_baseUrl.ToString().TrimEnd('/')}/{Service(serviceCode).Segment}/v1");

    /// <summary>The ModI audience the service expects in the voucher and in both Agid JWS.</summary>
    public string Audience(string serviceCode) => Service(serviceCode).Audience;

    /// <summary>Today in Rome, the day quotas count and deaths are recorded on.</summary>
    public DateOnly Today => RomeTime.Today(_time);

    public IReadOnlyList<AnprPopulation> Populations => _registry.Populations;

    /// <summary>Generates (or reuses) a population and adds its subjects to the register.</summary>
    public AnprPopulation AddPopulation(AnprPopulationSpec spec)
    {
        var population = AnprPopulation.For(spec);
        _registry.Add(population);
        return population;
    }

    /// <summary>A subject by fiscal code or idANPR, as the register holds it now (recorded deaths included), or null.</summary>
    public AnprSubject? Find(string fiscalCodeOrIdAnpr) => _registry.Find(fiscalCodeOrIdAnpr);

    /// <summary>
    /// Subjects of a category, always in the same order, optionally of one population (<c>demo-a</c>, <c>collaudo</c>, …).
    /// For <see cref="AnprSubjectCategory.NotRegistered"/> use <see cref="NotRegisteredFiscalCodes"/>.
    /// </summary>
    public IReadOnlyList<AnprSubject> Subjects(AnprSubjectCategory category, int limit = 10, string? population = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return _registry.Subjects(category, limit, population);
    }

    /// <summary>Everyone in the subject's family, in member order, dead and cancelled members included.</summary>
    public IReadOnlyList<AnprSubject> Household(AnprSubject subject) => _registry.Household(subject);

    public IReadOnlyList<AnprSubjectCategory> CategoriesOf(AnprSubject subject) => _registry.CategoriesOf(subject);

    /// <summary>Valid fiscal codes nobody in the register has, always the same ones: EN122 "Soggetto non registrato in ANPR".</summary>
    public IReadOnlyList<string> NotRegisteredFiscalCodes(int limit = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 10_000);
        return _registry.NotRegisteredFiscalCodes(limit);
    }

    /// <summary>Records a death today (Rome): ANPR shows it from tomorrow, for reference dates after the death date.</summary>
    public AnprSubject RecordDeath(string fiscalCodeOrIdAnpr, DateOnly deathDate) => _registry.RecordDeath(fiscalCodeOrIdAnpr, deathDate, Today);

    /// <summary>Daily request limits per consumer by service code; services not listed have none.</summary>
    public IReadOnlyDictionary<string, int> DailyQuotas => _quotas.Limits;

    /// <summary>Sets a service's daily limit per consumer (null: no limit); today's usage is kept.</summary>
    public void SetDailyQuota(string serviceCode, int? limit) => _quotas.SetLimit(Service(serviceCode).Code, limit);

    /// <summary>Forgets today's usage: every consumer starts the day again.</summary>
    public void ResetQuotaUsage() => _quotas.ResetUsage();

    /// <summary>Today's requests per consumer (voucher client_id) and service.</summary>
    public IReadOnlyList<AnprQuotaUsage> QuotaUsage() => _quotas.Usage(Today);

    /// <summary>The service codes whose requests strict ModI verification checks.</summary>
    public IReadOnlySet<string> StrictModi => _e002.StrictModi;

    public void SetStrictModi(string serviceCode, bool enabled) => _e002.SetStrictModi(Service(serviceCode).Code, enabled);

    /// <summary>Switches strict ModI verification on or off for every service.</summary>
    public void SetStrictModi(bool enabled)
    {
        foreach (var service in Services)
        {
            _e002.SetStrictModi(service.Code, enabled);
        }
    }

    /// <summary>Latency and 5xx ratio in front of every service (status included); <see cref="AnprFaults.None"/> by default.</summary>
    public AnprFaults Faults
    {
        get => _faults.Faults;
        set => _faults.Faults = value;
    }

    public AnprRequestCounts Requests(string serviceCode) => _log.Service(Service(serviceCode).Code);

    /// <summary>How many requests carried this <c>idOperazioneClient</c>, on any service.</summary>
    public int OperationRequests(string idOperazioneClient) => _log.Operation(idOperazioneClient);

    public void ResetRequestCounts() => _log.Reset();

    /// <summary>Forgets the stored answers: a repeated idOperazioneClient is answered afresh.</summary>
    public void ForgetOperations() => _operations.Clear();

    /// <summary>Why strict ModI refused the latest refused request, or null.</summary>
    public AnprModiRefusal? LastRefusal() => _refusals.Last();

    /// <summary>Why strict ModI refused the request answered with this govway_id, or null.</summary>
    public AnprModiRefusal? Refusal(string govWayId) => _refusals.Find(govWayId);

    internal (IReadOnlyDictionary<string, AnprRequestCounts> Services, IReadOnlyDictionary<string, int> Operations) RequestSnapshot() => _log.Snapshot();

    internal static AnprSandbox Attach(WireMockServer server, AnprSandboxSettings settings, TimeProvider time)
    {
        var sandbox = new AnprSandbox(PlatformServer.BaseUri(server), settings, time);
        foreach (var service in settings.Services)
        {
            server
                .Given(Request.Create().WithPath($"/{service.Segment}/v1/anpr-service-e002").UsingPost())
                .RespondWith(Response.Create().WithCallback(request => sandbox._e002.HandleAsync(service, request)));
            server
                .Given(Request.Create().WithPath($"/{service.Segment}/v1/status").UsingGet())
                .RespondWith(Response.Create().WithCallback(request => sandbox._status.HandleAsync(service, request)));
        }

        AnprControlEndpoints.Map(server, sandbox);
        return sandbox;
    }

    private AnprService Service(string code) =>
        Services.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"The ANPR sandbox has no service {code}.");
}
