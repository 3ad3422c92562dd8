using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// ANPR's application behind GovWay: the <c>casoUso</c> check, the search (idANPR, or fiscal code with the EN148
/// warning), EN122 for unknown and cancelled subjects, and the data each service returns (docs/platforms/anpr.md §1.2, §2.2).
/// </summary>
internal sealed class ServiceAnswers(AnprRegistry registry, AnprIds operationIds)
{
    /// <summary>The services the sandbox can answer for.</summary>
    public static readonly IReadOnlySet<string> Codes = new HashSet<string>(StringComparer.Ordinal)
    {
        "C001", "C003", "C007", "C008", "C015", "C019", "C020", "C021", "C030",
    };

    /// <summary>ANPR's back-end failure, for fault injection.</summary>
    public AnprAnswer Unavailable() => AnprErrors.Unavailable(operationIds.Next());

    /// <summary>A new idOperazioneClient lower than the last one the consumer sent: refused, not processed.</summary>
    public AnprAnswer OutOfOrder() => AnprErrors.OutOfOrder(operationIds.Next());

    public AnprAnswer Answer(AnprService service, E002Request request, DateOnly today)
    {
        var operation = operationIds.Next();
        if (request.UseCase != service.Code)
        {
            return AnprErrors.Ko(400, operation, [AnprErrors.Refused($"Ente non abilitato o caso uso inesistente : {request.UseCase}")]);
        }

        if (!DateOnly.TryParseExact(request.ReferenceDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var reference))
        {
            return AnprErrors.Ko(400, operation, [AnprErrors.Refused($"Data di riferimento della richiesta non valida : {request.ReferenceDate}")]);
        }

        var criteria = request.Criteria ?? default;

        // C030's criteria have no idANPR (its spec): it is the way from a fiscal code to one.
        var idAnpr = service.Code == "C030" ? null : E002Request.Text(criteria, "idANPR");
        var fiscalCode = E002Request.Text(criteria, "codiceFiscale");
        if (idAnpr is null && fiscalCode is null)
        {
            return AnprErrors.Ko(400, operation, [AnprErrors.Refused("Criteri di ricerca insufficienti: indicare idANPR o codiceFiscale")]);
        }

        var byFiscalCode = idAnpr is null && service.Code != "C030";
        var warnings = byFiscalCode ? new[] { AnprErrors.NotByIdAnpr() } : [];
        var subject = idAnpr is not null ? registry.ById(idAnpr.ToUpperInvariant()) : registry.ByFiscalCode(fiscalCode!.ToUpperInvariant());
        var missing = subject is null || reference < subject.RegisteredOn ? AnprErrors.NotRegistered
            : subject.CancelledOn is not null ? AnprErrors.Cancelled
            : null;
        if (missing is not null)
        {
            return AnprErrors.Ko(404, operation, [AnprErrors.Error("EN122", missing), .. warnings]);
        }

        var data = Data(service.Code, subject!, request, reference, today);
        if (data.Refusal is { } refusal)
        {
            return AnprErrors.Ko(400, operation, [AnprErrors.Refused(refusal)]);
        }

        var body = new JsonObject { ["listaSoggetti"] = new JsonObject { ["datiSoggetto"] = data.Subjects } };
        if (warnings.Length > 0)
        {
            body["listaAnomalie"] = new JsonArray([.. warnings]);
        }

        body["idOperazioneANPR"] = operation;
        return AnprAnswer.Of(200, body);
    }

    private (JsonArray Subjects, string? Refusal) Data(string code, AnprSubject subject, E002Request request, DateOnly reference, DateOnly today)
    {
        var verification = request.Verification ?? default;
        switch (code)
        {
            case "C030":
                return ([new JsonObject { ["identificativi"] = SubjectJson.Identifiers(subject) }], null);
            case "C015":
                return ([Entry(("generalita", SubjectJson.Generalities(subject, reference)), ("identificativi", SubjectJson.Identifiers(subject)))], null);
            case "C019":
                return ([Entry(
                    ("generalita", SubjectJson.Generalities(subject, reference)),
                    ("identificativi", SubjectJson.Identifiers(subject)),
                    ("infoSoggettoEnte", SubjectJson.LifeStatus(subject, reference, today)))], null);
            case "C020":
                return ([Entry(
                    ("generalita", SubjectJson.Generalities(subject, reference)),
                    ("residenza", SubjectJson.Residence(subject, reference)),
                    ("identificativi", SubjectJson.Identifiers(subject)),
                    ("infoSoggettoEnte", SubjectJson.LifeStatus(subject, reference, today)))], null);
            case "C001":
                return ([Entry(
                    ("generalita", SubjectJson.Generalities(subject, reference)),
                    ("residenza", SubjectJson.Residence(subject, reference)),
                    ("infoSoggettoEnte", SubjectJson.LifeStatus(subject, reference, today)),
                    ("identificativi", SubjectJson.Identifiers(subject)))], null);
            case "C021":
                return (Family(subject, reference, today), null);
            case "C007":
                return ([Verification(SubjectJson.Verified("1003", SubjectJson.LifeKey, !subject.IsDeadFor(reference, today)))], null);
            case "C003":
                return E002Request.Member(verification, "generalita", JsonValueKind.Object) is { } declared
                    && Verifications.Generalities(declared, subject) is { } same
                    ? ([Verification(SubjectJson.Verified("1002", "Verifica generalita'", same))], null)
                    : ([], "Devi specificare le generalita' da verificare per questo caso d'uso");
            case "C008":
                var actual = subject.IsDeadFor(reference, today) ? null : subject.ResidenceOn(reference);
                return E002Request.Member(verification, "residenza", JsonValueKind.Object) is { } residence
                    && Verifications.Residence(residence, actual) is { } matches
                    ? ([Verification(SubjectJson.Verified("1004", "Verifica residenza", matches))], null)
                    : ([], "Devi specificare il comune di residenza per questo caso d'uso");
            default:
                throw new InvalidOperationException($"The sandbox has no answer for {code}.");
        }
    }

    /// <summary>
    /// The members of the subject's family on the reference date, living and not cancelled; none when the subject
    /// itself is dead by then (issue #4984).
    /// </summary>
    private JsonArray Family(AnprSubject subject, DateOnly reference, DateOnly today)
    {
        if (subject.IsDeadFor(reference, today))
        {
            return [];
        }

        var members = registry.Household(subject)
            .Where(m => m.CancelledOn is null && !m.IsDeadFor(reference, today) && (m.Family?.Since ?? m.RegisteredOn) <= reference)
            .Select(m => Entry(
                ("generalita", SubjectJson.Generalities(m, reference)),
                ("identificativi", SubjectJson.Identifiers(m)),
                ("legameSoggetto", SubjectJson.FamilyLink(m))));
        return [.. members];
    }

    private static JsonObject Verification(JsonArray info) => new() { ["infoSoggettoEnte"] = info };

    private static JsonObject Entry(params (string Name, JsonNode Value)[] groups)
    {
        var entry = new JsonObject();
        foreach (var (name, value) in groups)
        {
            entry[name] = value;
        }

        return entry;
    }
}
