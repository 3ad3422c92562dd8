namespace InteropHub.Core.Reconciliation;

/// <summary>
/// The matcher's set-based statements (SQLite). They share the parameters <c>@tenant</c> (null for every tenant),
/// <c>@now</c> and <c>@cutoff</c> (Unix ms), <c>@days</c>, <c>@before</c> (the last anomaly id before the transaction),
/// <c>@lines</c> (lines per chunk) and the chunk's bounds <c>@after0</c> and <c>@upto0</c> (line rowids).
/// Work tables are TEMP, created and dropped inside each transaction of the pass. Writes that scale with the lines say OR FAIL:
/// an error rolls the whole pass back anyway, so SQLite need not keep a statement journal of every page they change.
/// </summary>
internal static class MatchingSql
{
    /// <summary>Who resolved the anomalies the matcher closes itself.</summary>
    public const string MatcherActor = "matcher";

    // RFC 9562 version 7 ids: @now's milliseconds, a 12-bit kind (0 payment.reported, 1 anomaly) and a 62-bit counter in
    // place of the random bits. The counters are rowids that never repeat (a payment is reported once, an anomaly id is
    // never reused), so ids are unique, and rows inserted in counter order get ascending ids, appended to the Id index.
    private const string ReportedEventId =
        "printf('%08x-%04x-7000-%04x-%012x', @now >> 16, @now & 65535, 32768 | ((r.PaymentRowId >> 48) & 16383), r.PaymentRowId & 281474976710655)";

    private const string AnomalyEventId =
        "printf('%08x-%04x-7001-%04x-%012x', @now >> 16, @now & 65535, 32768 | ((a.Id >> 48) & 16383), a.Id & 281474976710655)";

    private const string AnomalyColumns =
        "INSERT OR FAIL INTO ReconciliationAnomalies (Tenant, \"Key\", Code, ReportingFlowId, FlowId, PspId, LineIndex, Iuv, Iur, PaymentId, Detail, Status, CreatedAt)";

    // Lines are looked up by (tenant, IUV): without the hint SQLite may range-scan a whole flow per line.
    private const string CurrentLine = "ReportingFlowLines d INDEXED BY IX_ReportingFlowLines_Tenant_Iuv JOIN ReportingFlows fd ON fd.Id = d.ReportingFlowId AND fd.Superseded = 0";

    // Some matched current line of the option's IUV.
    private const string AnyMatched = $"EXISTS (SELECT 1 FROM {CurrentLine} WHERE d.Tenant = o.Tenant AND d.Iuv = o.Iuv AND d.Status = 'Matched')";

    public const string DropWorkTables = """
        DROP TABLE IF EXISTS temp.recon_tenants;
        DROP TABLE IF EXISTS temp.recon_lines;
        DROP TABLE IF EXISTS temp.recon_flows;
        DROP TABLE IF EXISTS temp.recon_payments;
        DROP TABLE IF EXISTS temp.recon_options;
        DROP TABLE IF EXISTS temp.recon_reported;
        """;

    public const string CreateTenants = "CREATE TEMP TABLE recon_tenants (Tenant TEXT PRIMARY KEY, FiscalCode TEXT NOT NULL);";

    public const string InsertTenant = "INSERT INTO recon_tenants (Tenant, FiscalCode) VALUES (@t, @fc);";

    public const string LastAnomalyId = "SELECT COALESCE(MAX(Id), 0) FROM ReconciliationAnomalies;";

    /// <summary>The rowid of the last line of the next chunk: the next @lines lines to decide after @after0; null when none is left.</summary>
    public const string NextChunk = """
        SELECT max(LineRowId) FROM (
            SELECT l.rowid AS LineRowId
            FROM ReportingFlowLines l JOIN ReportingFlows f ON f.Id = l.ReportingFlowId AND f.Superseded = 0
            WHERE l.rowid > @after0 AND l.Status <> 'Matched' AND l.Outcome <> 'Revoked' AND (@tenant IS NULL OR l.Tenant = @tenant)
            ORDER BY l.rowid LIMIT @lines);
        """;

    /// <summary>
    /// The lines of the chunk to decide (current flows, not matched, not REVOKED), each with the notice of its IUV, the amount of its
    /// transfer in that notice, its code (the first rule that applies, or 'matched') and whether the transfer is reported
    /// with another IUR too. Only what the pass needs for every line is kept; anomalies read the rest back by rowid.
    /// One lookup of the other current lines of the same IUV and transfer gives three flags: 1 an earlier line of the
    /// same flow with the same IUR (007115), 2 another flow's line with the same IUR, matched or older (007102), 4 a line
    /// with another IUR (paid twice). The line itself is skipped on the index, before its row is read. OFFSET 0 keeps
    /// the inner query from being flattened, which computed its JSON transfer amount at each of the three places it is read.
    /// </summary>
    public const string CreateLines = $"""
        CREATE TEMP TABLE recon_lines AS
        SELECT c.LineRowId, c.FlowSeq, c.PaymentId, c.OptionRowId, c.OneTransfer, c.TransferAmount, CASE
            WHEN c.Siblings & 1 THEN '{AnomalyCodes.DuplicateInFlow}'
            WHEN c.Outcome IN ('NoRpt', 'StandInNoRpt') AND c.PaymentId IS NULL THEN '{AnomalyCodes.NoRptUnknown}'
            WHEN c.PaymentId IS NULL THEN '{AnomalyCodes.PaymentUnknown}'
            WHEN c.Outcome IN ('Executed', 'StandIn') AND c.ReceiptId IS NULL THEN '{AnomalyCodes.ReportedWithoutReceipt}'
            WHEN c.Outcome IN ('Executed', 'StandIn') AND c.ReceiptId <> c.Iur THEN '{AnomalyCodes.PaymentUnknown}'
            WHEN c.TransferAmount IS NULL THEN '{AnomalyCodes.PaymentUnknown}'
            WHEN c.Siblings & 2 THEN '{AnomalyCodes.SeveralPayments}'
            WHEN c.TransferAmount <> c.AmountCents THEN '{AnomalyCodes.AmountDiffers}'
            ELSE 'matched' END AS Code,
            (c.Siblings & 4) <> 0 AS PaidTwice
        FROM (
            SELECT l.rowid AS LineRowId, f.rowid AS FlowSeq, l.Iur, l.AmountCents, l.Outcome, o.PaymentId, o.ReceiptId, o.rowid AS OptionRowId,
                json_array_length(o.TransfersJson) = 1 AS OneTransfer,
                CASE WHEN json_array_length(o.TransfersJson) = 1
                    THEN CASE WHEN json_extract(o.TransfersJson, '$[0].Index') = l.TransferIndex THEN json_extract(o.TransfersJson, '$[0].AmountCents') END
                    ELSE (SELECT json_extract(t.value, '$.AmountCents') FROM json_each(o.TransfersJson) t
                        WHERE json_extract(t.value, '$.Index') = l.TransferIndex) END AS TransferAmount,
                COALESCE((SELECT max(d.ReportingFlowId = l.ReportingFlowId AND d.Iur = l.Iur AND d."Index" < l."Index")
                        | 2 * max(d.ReportingFlowId <> l.ReportingFlowId AND d.Iur = l.Iur AND d.Outcome <> 'Revoked' AND (d.Status = 'Matched' OR fd.rowid < f.rowid))
                        | 4 * max(d.Iur <> l.Iur AND d.Outcome <> 'Revoked')
                    FROM {CurrentLine} WHERE d.Tenant = l.Tenant AND d.Iuv = l.Iuv AND d.rowid <> l.rowid AND d.TransferIndex = l.TransferIndex), 0) AS Siblings
            FROM ReportingFlowLines l
            JOIN ReportingFlows f ON f.Id = l.ReportingFlowId AND f.Superseded = 0
            LEFT JOIN PaymentOptions o INDEXED BY IX_PaymentOptions_Tenant_Iuv ON o.Tenant = l.Tenant AND o.Iuv = l.Iuv
            WHERE l.rowid > @after0 AND l.rowid <= @upto0
              AND l.Status <> 'Matched' AND l.Outcome <> 'Revoked' AND (@tenant IS NULL OR l.Tenant = @tenant)
            LIMIT -1 OFFSET 0
        ) c;
        """;

    public const string CountLines = "SELECT COUNT(*), COALESCE(SUM(Code = 'matched'), 0) FROM recon_lines;";

    public const string UpdateLines = """
        UPDATE OR FAIL ReportingFlowLines
        SET Status = CASE WHEN c.Code = 'matched' THEN 'Matched' ELSE 'Anomalous' END,
            PaymentId = CASE WHEN c.Code = 'matched' THEN c.PaymentId END
        FROM recon_lines c
        WHERE ReportingFlowLines.rowid = c.LineRowId
          AND ReportingFlowLines.Status <> CASE WHEN c.Code = 'matched' THEN 'Matched' ELSE 'Anomalous' END;
        """;

    public const string InsertLineAnomalies = $"""
        {AnomalyColumns}
        SELECT l.Tenant, c.Code || ':' || f.Id || ':' || l."Index", c.Code, f.Id, f.FlowId, f.PspId, l."Index", l.Iuv, l.Iur, c.PaymentId,
            CASE c.Code
                WHEN '{AnomalyCodes.PaymentUnknown}' THEN 'No notice matches the IUV, the IUR and transfer ' || l.TransferIndex || '.'
                WHEN '{AnomalyCodes.SeveralPayments}' THEN 'Another current flow reports the same IUV, IUR and transfer ' || l.TransferIndex || '.'
                WHEN '{AnomalyCodes.AmountDiffers}' THEN 'Reported ' || l.AmountCents || ' cents; transfer ' || l.TransferIndex || ' is ' || c.TransferAmount || ' cents.'
                WHEN '{AnomalyCodes.NoRptUnknown}' THEN 'Payment without request (' || l.Outcome || ') for an IUV no notice has.'
                WHEN '{AnomalyCodes.DuplicateInFlow}' THEN 'An earlier line of the flow has the same IUV, IUR and transfer ' || l.TransferIndex || '.'
                ELSE 'The notice has no receipt yet.' END,
            'Open', @now
        FROM recon_lines c JOIN ReportingFlowLines l ON l.rowid = c.LineRowId JOIN ReportingFlows f ON f.rowid = c.FlowSeq
        WHERE c.Code <> 'matched'
        ON CONFLICT DO NOTHING;
        """;

    public const string InsertPaidTwice = $"""
        {AnomalyColumns}
        SELECT l.Tenant, '{AnomalyCodes.PaidTwice}:' || f.Id || ':' || l."Index", '{AnomalyCodes.PaidTwice}', f.Id, f.FlowId, f.PspId, l."Index",
            l.Iuv, l.Iur, c.PaymentId, 'Transfer ' || l.TransferIndex || ' of the IUV is reported with another IUR too.', 'Open', @now
        FROM recon_lines c JOIN ReportingFlowLines l ON l.rowid = c.LineRowId JOIN ReportingFlows f ON f.rowid = c.FlowSeq
        WHERE c.PaidTwice
        ON CONFLICT DO NOTHING;
        """;

    /// <summary>The current flows whose header checks have not run, with their lines' count and sum.</summary>
    public const string CreateFlows = """
        CREATE TEMP TABLE recon_flows AS
        SELECT f.Id, f.Tenant, f.FlowId, f.PspId, f.SumCents, f.TotalPayments, f.ReceiverId,
            (SELECT COUNT(*) FROM ReportingFlowLines l WHERE l.ReportingFlowId = f.Id) AS Lines,
            (SELECT COALESCE(SUM(l.AmountCents), 0) FROM ReportingFlowLines l WHERE l.ReportingFlowId = f.Id) AS Total
        FROM ReportingFlows f
        WHERE f.Checked = 0 AND f.Superseded = 0 AND (@tenant IS NULL OR f.Tenant = @tenant);
        """;

    public const string InsertFlowAnomalies = $"""
        {AnomalyColumns}
        SELECT Tenant, '{AnomalyCodes.SumDiffers}:' || Id, '{AnomalyCodes.SumDiffers}', Id, FlowId, PspId, NULL, NULL, NULL, NULL,
            'Header sum ' || SumCents || ' cents; the lines add up to ' || Total || ' cents.', 'Open', @now
        FROM recon_flows WHERE Total <> SumCents
        ON CONFLICT DO NOTHING;
        {AnomalyColumns}
        SELECT Tenant, '{AnomalyCodes.CountDiffers}:' || Id, '{AnomalyCodes.CountDiffers}', Id, FlowId, PspId, NULL, NULL, NULL, NULL,
            'Header count ' || TotalPayments || '; the flow has ' || Lines || ' lines.', 'Open', @now
        FROM recon_flows WHERE Lines <> TotalPayments
        ON CONFLICT DO NOTHING;
        {AnomalyColumns}
        SELECT r.Tenant, '{AnomalyCodes.WrongReceiver}:' || r.Id, '{AnomalyCodes.WrongReceiver}', r.Id, r.FlowId, r.PspId, NULL, NULL, NULL, NULL,
            'The flow names receiver ' || r.ReceiverId || ', not the tenant.', 'Open', @now
        FROM recon_flows r JOIN recon_tenants t ON t.Tenant = r.Tenant
        WHERE r.ReceiverId <> t.FiscalCode
        ON CONFLICT DO NOTHING;
        UPDATE ReportingFlows SET Checked = 1 WHERE Id IN (SELECT Id FROM recon_flows);
        """;

    /// <summary>
    /// The notices of the payments a line was just matched to, with their state: 2 reported (every transfer of the
    /// tenant's own, no other beneficiary, has a matched current line), 1 partially reported (some line of the IUV is
    /// matched), 0 neither. A notice with one transfer needs no json_each: its only transfer is looked up directly, and
    /// when a line of this pass matched it (MatchedOption, one per payment) that line is the lookup's answer: 2.
    /// CROSS JOIN keeps the pass's own (possibly few) payments as the outer loop. The reported payments are keyed by
    /// rowid: their events are written in that order, so the events' ids ascend.
    /// </summary>
    public const string ReportOptions = $"""
        CREATE TEMP TABLE recon_payments (PaymentId TEXT PRIMARY KEY, MatchedOption INTEGER) WITHOUT ROWID;
        INSERT OR IGNORE INTO recon_payments SELECT PaymentId, CASE WHEN OneTransfer THEN OptionRowId END FROM recon_lines WHERE Code = 'matched';
        CREATE TEMP TABLE recon_options AS
        SELECT o.rowid AS OptionRowId, o.PaymentId, CASE
            WHEN o.rowid = m.MatchedOption THEN 2
            WHEN json_array_length(o.TransfersJson) = 1 THEN CASE
                WHEN json_extract(o.TransfersJson, '$[0].BeneficiaryFiscalCode') IS NOT NULL THEN 2 * {AnyMatched}
                WHEN EXISTS (SELECT 1 FROM {CurrentLine} WHERE d.Tenant = o.Tenant AND d.Iuv = o.Iuv
                    AND d.TransferIndex = json_extract(o.TransfersJson, '$[0].Index') AND d.Status = 'Matched') THEN 2
                ELSE {AnyMatched} END
            WHEN NOT {AnyMatched} THEN 0
            WHEN NOT EXISTS (
                SELECT 1 FROM json_each(o.TransfersJson) t
                WHERE json_extract(t.value, '$.BeneficiaryFiscalCode') IS NULL
                  AND NOT EXISTS (SELECT 1 FROM {CurrentLine} WHERE d.Tenant = o.Tenant AND d.Iuv = o.Iuv
                      AND d.TransferIndex = json_extract(t.value, '$.Index') AND d.Status = 'Matched')) THEN 2
            ELSE 1 END AS State
        FROM recon_payments m CROSS JOIN PaymentOptions o ON o.PaymentId = m.PaymentId;
        UPDATE OR FAIL PaymentOptions
        SET Status = CASE r.State WHEN 2 THEN 'Reported' ELSE 'PartiallyReported' END
        FROM recon_options r
        WHERE PaymentOptions.rowid = r.OptionRowId AND r.State > 0
          AND PaymentOptions.Status <> CASE r.State WHEN 2 THEN 'Reported' ELSE 'PartiallyReported' END;
        CREATE TEMP TABLE recon_reported (PaymentRowId INTEGER PRIMARY KEY);
        INSERT INTO recon_reported
        SELECT p.rowid
        FROM recon_payments m CROSS JOIN Payments p ON p.Id = m.PaymentId
        WHERE p.Status IN ('Payable', 'PartiallyPaid', 'Paid')
          AND m.PaymentId NOT IN (SELECT PaymentId FROM recon_options WHERE State < 2);
        UPDATE OR FAIL Payments SET Status = 'Reported', UpdatedAt = @now, Version = Version + 1
        WHERE rowid IN (SELECT PaymentRowId FROM recon_reported);
        """;

    public const string CountReported = "SELECT COUNT(*) FROM recon_reported;";

    /// <summary>payment.reported with PaymentEvents' data shape and deduplication key; the notices are read once per payment.</summary>
    public const string InsertReportedEvents = $"""
        INSERT OR FAIL INTO Events (Id, Tenant, Type, Subject, DataJson, DeduplicationKey, OccurredAt)
        SELECT {ReportedEventId}, p.Tenant, 'payment.reported', 'payments/' || lower(p.Id),
            (SELECT json_object(
                'paymentId', lower(p.Id), 'iupd', p.Iupd, 'status', 'reported',
                'amountCents', SUM(n.AmountCents),
                'reference', p.Reference,
                'noticeNumbers', json_group_array(n.NoticeNumber))
             FROM (SELECT AmountCents, NoticeNumber FROM PaymentOptions WHERE PaymentId = p.Id ORDER BY "Index") n),
            'payment:' || lower(p.Id) || ':reported', @now
        FROM recon_reported r CROSS JOIN Payments p ON p.rowid = r.PaymentRowId
        WHERE true
        ON CONFLICT DO NOTHING;
        """;

    public const string InsertPaidNotReported = $"""
        {AnomalyColumns}
        SELECT o.Tenant, '{AnomalyCodes.PaidNotReported}:' || o.PaymentId || ':' || o."Index", '{AnomalyCodes.PaidNotReported}', NULL, NULL, NULL, NULL,
            o.Iuv, o.ReceiptId, o.PaymentId, 'Paid more than ' || @days || ' days ago; no current flow reports it.', 'Open', @now
        FROM PaymentOptions o
        WHERE o.Status = 'Paid' AND o.PaidAt < @cutoff AND (@tenant IS NULL OR o.Tenant = @tenant)
          AND NOT EXISTS (SELECT 1 FROM {CurrentLine} WHERE d.Tenant = o.Tenant AND d.Iuv = o.Iuv AND d.Status = 'Matched')
        ON CONFLICT DO NOTHING;
        """;

    public const string CountNewAnomalies = "SELECT COUNT(*) FROM ReconciliationAnomalies WHERE Id > @before;";

    public const string InsertAnomalyEvents = $"""
        INSERT OR FAIL INTO Events (Id, Tenant, Type, Subject, DataJson, DeduplicationKey, OccurredAt)
        SELECT {AnomalyEventId}, a.Tenant, 'reconciliation.anomaly', 'reconciliation/anomalies/' || a.Id,
            json_object('anomalyId', a.Id, 'code', a.Code, 'flowId', a.FlowId, 'pspId', a.PspId, 'lineIndex', a.LineIndex,
                'iuv', a.Iuv, 'iur', a.Iur, 'paymentId', lower(a.PaymentId), 'detail', a.Detail),
            'anomaly:' || a."Key", @now
        FROM ReconciliationAnomalies a
        WHERE a.Id > @before
        ON CONFLICT DO NOTHING;
        """;

    /// <summary>
    /// Open anomalies the data no longer supports, resolved by the matcher (not an operator): a line anomaly whose line
    /// has since matched, any anomaly of a flow revision a newer one superseded, and paid-not-reported once a current
    /// line of the notice's IUV is matched. Runs after the lines and notices of the pass are settled.
    /// </summary>
    public const string ResolveSettledAnomalies = $"""
        UPDATE ReconciliationAnomalies
        SET Status = 'Resolved', ResolvedBy = '{MatcherActor}', ResolvedAt = @now, ResolvedNote = 'The line matched on a later pass.'
        WHERE Status = 'Open' AND (@tenant IS NULL OR Tenant = @tenant) AND LineIndex IS NOT NULL
          AND Code IN ('{AnomalyCodes.PaymentUnknown}', '{AnomalyCodes.SeveralPayments}', '{AnomalyCodes.AmountDiffers}', '{AnomalyCodes.NoRptUnknown}', '{AnomalyCodes.ReportedWithoutReceipt}')
          AND EXISTS (SELECT 1 FROM ReportingFlowLines l JOIN ReportingFlows f ON f.Id = l.ReportingFlowId AND f.Superseded = 0
              WHERE l.ReportingFlowId = ReconciliationAnomalies.ReportingFlowId AND l."Index" = ReconciliationAnomalies.LineIndex AND l.Status = 'Matched');
        UPDATE ReconciliationAnomalies
        SET Status = 'Resolved', ResolvedBy = '{MatcherActor}', ResolvedAt = @now,
            ResolvedNote = 'Revision ' || (SELECT f.Revision FROM ReportingFlows f WHERE f.Id = ReconciliationAnomalies.ReportingFlowId) || ' of the flow was superseded by a newer one.'
        WHERE Status = 'Open' AND (@tenant IS NULL OR Tenant = @tenant) AND ReportingFlowId IS NOT NULL
          AND EXISTS (SELECT 1 FROM ReportingFlows f WHERE f.Id = ReconciliationAnomalies.ReportingFlowId AND f.Superseded = 1);
        UPDATE ReconciliationAnomalies
        SET Status = 'Resolved', ResolvedBy = '{MatcherActor}', ResolvedAt = @now, ResolvedNote = 'A flow reported the notice after all.'
        WHERE Status = 'Open' AND (@tenant IS NULL OR Tenant = @tenant) AND Code = '{AnomalyCodes.PaidNotReported}'
          AND EXISTS (SELECT 1 FROM {CurrentLine} WHERE d.Tenant = ReconciliationAnomalies.Tenant AND d.Iuv = ReconciliationAnomalies.Iuv AND d.Status = 'Matched');
        """;

    /// <summary>The status of the flows of the chunk's lines: anomalous with an open anomaly, matched when every line is.</summary>
    public const string UpdateChunkFlowStatuses = $"""
        UPDATE ReportingFlows SET Status = {FlowStatus}
        WHERE rowid IN (SELECT FlowSeq FROM recon_lines);
        """;

    /// <summary>
    /// The status of the flows whose headers were checked, and of every current anomalous flow, which a resolved anomaly
    /// may have settled: resolving is the pass's last step, after the chunks that set their lines' flows.
    /// </summary>
    public const string UpdateFlowStatuses = $"""
        UPDATE ReportingFlows SET Status = {FlowStatus}
        WHERE Id IN (SELECT Id FROM recon_flows) OR (Status = 'Anomalous' AND Superseded = 0 AND (@tenant IS NULL OR Tenant = @tenant));
        """;

    /// <summary>A flow's status from its anomalies and lines; quoted so that it runs on SQLite and PostgreSQL alike.</summary>
    public const string FlowStatus = """
        CASE
            WHEN EXISTS (SELECT 1 FROM "ReconciliationAnomalies" a WHERE a."Tenant" = "ReportingFlows"."Tenant" AND a."ReportingFlowId" = "ReportingFlows"."Id" AND a."Status" = 'Open') THEN 'Anomalous'
            WHEN EXISTS (SELECT 1 FROM "ReportingFlowLines" l WHERE l."ReportingFlowId" = "ReportingFlows"."Id" AND l."Status" <> 'Matched' AND l."Outcome" <> 'Revoked') THEN 'Pending'
            ELSE 'Matched' END
        """;
}
