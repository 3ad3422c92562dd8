namespace InteropHub.Adapters.Pdnd.Doctor;

/// <summary>One verdict of <see cref="PdndDoctor"/>: what was checked, how it went, and a sentence a person can act on.</summary>
/// <param name="Name">What was checked, e.g. <c>key 0</c>, <c>e-service anpr-c030</c>, <c>clock</c>.</param>
/// <param name="Verdict">Pass, Warn or Fail.</param>
/// <param name="Detail">Why, in one readable sentence; never a key, an assertion or a voucher.</param>
public sealed record DoctorCheck(string Name, DoctorVerdict Verdict, string Detail);

/// <summary>How a <see cref="DoctorCheck"/> went.</summary>
public enum DoctorVerdict
{
    /// <summary>Works.</summary>
    Pass,

    /// <summary>Works now, but is likely to fail (e.g. the clock drifts).</summary>
    Warn,

    /// <summary>Does not work.</summary>
    Fail,
}
