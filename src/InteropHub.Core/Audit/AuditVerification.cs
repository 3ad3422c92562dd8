namespace InteropHub.Core.Audit;

/// <summary>The result of checking the audit chain: how many records were intact, and the first break if any.</summary>
public sealed record AuditVerification(long RecordsChecked, AuditChainBreak? Break)
{
    public bool IsIntact => Break is null;
}

/// <summary>The first record at which the chain does not hold, what is wrong, and a sentence saying so.</summary>
public sealed record AuditChainBreak(long Sequence, AuditBreakKind Kind, string Reason);
