using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using WireMock;
using WireMock.Server;

namespace InteropHub.Sandbox.Anpr;

/// <summary>The ANPR sandbox's control surface under <c>/__sandbox/anpr</c>: the HTTP face of <see cref="AnprSandbox"/>.</summary>
internal static class AnprControlEndpoints
{
    private const string Root = "/__sandbox/anpr";
    private const int MaxLimit = 1000;

    // Summaries leave out what a subject does not have (no death date, no family, …).
    private static readonly JsonSerializerOptions Options = new(SandboxJson.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Map(WireMockServer server, AnprSandbox anpr)
    {
        On(server, "GET", $"{Root}/subjects", request =>
        {
            var category = Category(Query(request, "category") ?? throw new ArgumentException("category is required."));
            var limit = Query(request, "limit") is { } text
                ? int.TryParse(text, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= MaxLimit ? n
                    : throw new ArgumentException($"limit is a number from 1 to {MaxLimit}.")
                : 10;
            IEnumerable<SubjectSummary> subjects = category == AnprSubjectCategory.NotRegistered
                ? anpr.NotRegisteredFiscalCodes(limit).Select(SubjectSummary.NotRegistered)
                : anpr.Subjects(category, limit, Query(request, "population")).Select(s => SubjectSummary.Of(s, anpr.CategoriesOf(s)));
            return Json(200, new { subjects });
        });

        On(server, "GET", Pattern("/subjects/[^/]+"), request =>
        {
            var key = Uri.UnescapeDataString(request.PathSegments[3]);
            var subject = anpr.Find(key) ?? throw new KeyNotFoundException($"No subject has fiscal code or idANPR {key}.");
            var household = anpr.Household(subject).Select(m => SubjectSummary.Of(m, anpr.CategoriesOf(m)));
            return Json(200, new { subject = SubjectSummary.Of(subject, anpr.CategoriesOf(subject)), household });
        });

        On(server, "POST", $"{Root}/deaths", request =>
        {
            var body = Body<DeathRecord>(request);
            var key = body.FiscalCode ?? body.IdAnpr ?? throw new ArgumentException("fiscalCode or idAnpr is required.");
            var dead = anpr.RecordDeath(key, body.DeathDate ?? throw new ArgumentException("deathDate is required."));
            return Json(201, new { subject = SubjectSummary.Of(dead, anpr.CategoriesOf(dead)), visibleFrom = dead.DeathRecordedOn!.Value.AddDays(1) });
        });

        On(server, "GET", $"{Root}/quotas", _ => Json(200, new
        {
            today = anpr.Today,
            limits = anpr.DailyQuotas,
            usage = anpr.QuotaUsage(),
        }));

        On(server, "PUT", Pattern("/quotas/[^/]+"), request =>
        {
            var service = request.PathSegments[3];
            var limit = Body<QuotaSetting>(request).DailyLimit;
            anpr.SetDailyQuota(service, limit);
            return Json(200, new { service, dailyLimit = limit });
        });

        On(server, "DELETE", $"{Root}/quotas/usage", _ =>
        {
            anpr.ResetQuotaUsage();
            return SandboxJson.Empty(204);
        });

        On(server, "GET", $"{Root}/strict-modi", _ => Json(200, new { services = anpr.StrictModi.Order(StringComparer.Ordinal) }));

        On(server, "PUT", $"{Root}/strict-modi", request =>
        {
            var body = Body<StrictModiSetting>(request);
            var enabled = body.Enabled ?? throw new ArgumentException("enabled is required.");
            foreach (var service in body.Services ?? [.. anpr.Services.Select(s => s.Code)])
            {
                anpr.SetStrictModi(service, enabled);
            }

            return Json(200, new { services = anpr.StrictModi.Order(StringComparer.Ordinal) });
        });

        On(server, "PUT", $"{Root}/faults", request =>
        {
            var body = Body<AnprFaultsSetting>(request);
            anpr.Faults = new AnprFaults(TimeSpan.FromMilliseconds(body.LatencyMs ?? 0), body.ErrorRatio ?? 0, body.ErrorStatus ?? 503)
            {
                MaxLatency = TimeSpan.FromMilliseconds(body.MaxLatencyMs ?? 0),
                LatencyRatio = body.LatencyRatio ?? 1,
                Bursts = body.Bursts?.ToBursts(),
                Seed = body.Seed,
            };
            var faults = anpr.Faults;
            return Json(200, new
            {
                latencyMs = (long)faults.Latency.TotalMilliseconds,
                faults.ErrorRatio,
                faults.ErrorStatus,
                maxLatencyMs = (long)faults.MaxLatency.TotalMilliseconds,
                faults.LatencyRatio,
                bursts = ThrottleBurstsSetting.Of(faults.Bursts),
                faults.Seed,
            });
        });

        On(server, "GET", $"{Root}/requests", _ =>
        {
            var (services, operations) = anpr.RequestSnapshot();
            return Json(200, new { services, operations });
        });

        On(server, "DELETE", $"{Root}/requests", _ =>
        {
            anpr.ResetRequestCounts();
            return SandboxJson.Empty(204);
        });

        On(server, "GET", Pattern("/operations/[^/]+"), request =>
        {
            var operation = Uri.UnescapeDataString(request.PathSegments[3]);
            return Json(200, new { idOperazioneClient = operation, requests = anpr.OperationRequests(operation) });
        });

        On(server, "DELETE", $"{Root}/operations", _ =>
        {
            anpr.ForgetOperations();
            return SandboxJson.Empty(204);
        });

        On(server, "GET", $"{Root}/last-refusal", _ => anpr.LastRefusal() is { } refusal
            ? Json(200, refusal)
            : Json(404, new { error = "No request has been refused by strict ModI verification." }));

        On(server, "GET", Pattern("/refusals/[^/]+"), request =>
        {
            var govWayId = request.PathSegments[3];
            return anpr.Refusal(govWayId) is { } refusal
                ? Json(200, refusal)
                : Json(404, new { error = $"No refusal has govway_id {govWayId}." });
        });

        On(server, "GET", $"{Root}/populations", _ => Json(200, new
        {
            populations = anpr.Populations.Select(p => new { name = p.Name, comune = p.Comune, seed = p.Spec.Seed, residents = p.Spec.Residents, subjects = p.Subjects.Count }),
        }));

        On(server, "POST", $"{Root}/populations", request =>
        {
            var body = Body<PopulationRequest>(request);
            var spec = new AnprPopulationSpec(
                body.Name ?? throw new ArgumentException("name is required."),
                body.Comune ?? throw new ArgumentException("comune is required."),
                body.Seed ?? throw new ArgumentException("seed is required."),
                body.Residents ?? 2000);
            var population = anpr.AddPopulation(spec);
            return Json(201, new { name = population.Name, subjects = population.Subjects.Count });
        });
    }

    private static void On(WireMockServer server, string method, string path, Func<IRequestMessage, IResponseMessage> handle) =>
        SandboxRoutes.Map(server, method, path, message => Answer(handle, message));

    private static IResponseMessage Answer(Func<IRequestMessage, IResponseMessage> handle, IRequestMessage request)
    {
        try
        {
            return handle(request);
        }
        catch (ArgumentException e)
        {
            return Json(400, new { error = e.Message });
        }
        catch (KeyNotFoundException e)
        {
            return Json(404, new { error = e.Message });
        }
    }

    private static IResponseMessage Json(int status, object body) =>
        SandboxJson.Response(status, JsonSerializer.SerializeToElement(body, Options));

    private static string Pattern(string relativePath) => $"^{Root}{relativePath}$";

    private static string? Query(IRequestMessage request, string name) =>
        request.QueryIgnoreCase is { } query && query.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

    private static AnprSubjectCategory Category(string name)
    {
        try
        {
            return JsonSerializer.Deserialize<AnprSubjectCategory>($"\"{name}\"", SandboxJson.Options);
        }
        catch (JsonException)
        {
            var known = string.Join(", ", Enum.GetValues<AnprSubjectCategory>().Select(c => JsonSerializer.Serialize(c, SandboxJson.Options).Trim('"')));
            throw new ArgumentException($"Unknown category '{name}'; one of {known}.");
        }
    }

    private static T Body<T>(IRequestMessage request)
        where T : class =>
        SandboxJson.Body<T>(request) ?? throw new ArgumentException("The body must be a JSON object of the documented shape.");
}
