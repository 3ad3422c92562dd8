using System.ComponentModel.DataAnnotations;

namespace InteropHub.Adapters.Pdnd.Configuration;

/// <summary>Signal Hub pulling (<c>Adapters:Pdnd:SignalHub</c>): one job per (tenant with an API Interop client, e-service).</summary>
public sealed class SignalHubOptions
{
    /// <summary>Pull signals. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Base URL of Signal Hub, before <c>/pull/signals/{eserviceId}</c>:
    /// <c>https://api.signalhub.interop.pagopa.it/1.0</c> in production. Required when enabled.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>
    /// The audience Signal Hub accepts in the API Interop voucher (<c>uat.interop.pagopa.it/m2m</c> in collaudo; confirm
    /// the production value in the back office). The doctor checks the voucher PDND issues against it. Required when enabled.
    /// </summary>
    public string? Audience { get; set; }

    /// <summary>Quartz cron (seconds first) of every pull job. Default every 15 minutes: <c>0 0/15 * * * ?</c>.</summary>
    public string Cron { get; set; } = "0 0/15 * * * ?";

    /// <summary>The e-service ids (UUIDs) whose signals are pulled, for every tenant with an API Interop client.</summary>
    public List<string> EServiceIds { get; set; } = [];

    /// <summary>Signals asked for per page (1–100). Default 100.</summary>
    [Range(1, 100)]
    public int PageSize { get; set; } = 100;

    /// <summary>Most pages one run pulls before it stops and leaves the rest to the next run. Default 50.</summary>
    [Range(1, 10_000)]
    public int MaxPagesPerRun { get; set; } = 50;

    internal IEnumerable<string> Validate(string path)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri)
        {
            yield return $"{path}:{nameof(BaseUrl)}: must be an absolute URL when Signal Hub is enabled, e.g. https://api.signalhub.interop.pagopa.it/1.0.";
        }

        if (string.IsNullOrWhiteSpace(Audience))
        {
            yield return $"{path}:{nameof(Audience)}: is required when Signal Hub is enabled (e.g. uat.interop.pagopa.it/m2m).";
        }

        var fields = Cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is < 6 or > 7)
        {
            yield return $"{path}:{nameof(Cron)}: '{Cron}' is not a Quartz cron expression (6 or 7 fields, seconds first).";
        }

        if (EServiceIds.Count == 0)
        {
            yield return $"{path}:{nameof(EServiceIds)}: name at least one e-service id when Signal Hub is enabled.";
        }

        foreach (var id in EServiceIds.Where(id => !Guid.TryParse(id, out _)))
        {
            yield return $"{path}:{nameof(EServiceIds)}: '{id}' is not an e-service id (a UUID).";
        }
    }
}
