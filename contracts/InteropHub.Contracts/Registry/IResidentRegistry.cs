namespace InteropHub.Contracts.Registry;

/// <summary>
/// The resident registry (ANPR through PDND) as the host calls it: normalized answers about one resident, each call
/// justified by the caller's operator and reason. Failures are <see cref="Errors.HubProblemException"/>s with the
/// codes of <see cref="RegistryErrorCodes"/> and <see cref="Errors.ErrorCodes"/> (resident-not-found 404,
/// anpr-not-entitled 403, quota-exhausted 429, upstream-rejected 502, upstream-unavailable 503,
/// validation-failed 400 when the operator or reason is missing or the date is in the future).
/// </summary>
public interface IResidentRegistry
{
    /// <summary>The resident's profile: names, sex, birth date and place, idANPR, current residence, alive or death date.</summary>
    Task<ResidentProfile> GetProfileAsync(ResidentQuery query, CancellationToken cancellationToken);

    /// <summary>The resident's residence at the reference date, with the history ANPR returns.</summary>
    Task<ResidentResidence> GetResidenceAsync(ResidentQuery query, CancellationToken cancellationToken);

    /// <summary>The members of the resident's family (stato di famiglia), each with their relationship.</summary>
    Task<ResidentFamily> GetFamilyAsync(ResidentQuery query, CancellationToken cancellationToken);

    /// <summary>Whether the resident is alive at the reference date, or the date of death.</summary>
    Task<ResidentLifeStatus> GetLifeStatusAsync(ResidentQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// A yes/no check (resident in a comune, alive, declared identity) through ANPR's verification services, which
    /// disclose nothing beyond the answer; used by batch verifications.
    /// </summary>
    Task<ResidentVerification> VerifyAsync(VerificationQuery query, CancellationToken cancellationToken);
}
