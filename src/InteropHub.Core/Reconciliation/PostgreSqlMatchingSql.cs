namespace InteropHub.Core.Reconciliation;

/// <summary>
/// <see cref="MatchingSql"/>'s rules in PostgreSQL: the same statements, in the same order, with the same parameters
/// (<c>@tenant</c> cast, as PostgreSQL cannot type a bare null). Rows are keyed by their primary keys where SQLite uses
/// rowids; a flow is "older" by (CreatedAt, Id), its insertion order; a payment.reported event takes its id's counter
/// from the Events identity, which never repeats, as SQLite takes the payment's rowid. A chunk is bounded by the lines'
/// primary key, (flow id, line index): <c>@after0, @after1</c> and <c>@upto0, @upto1</c>. Work tables are analyzed once
/// filled: without statistics the planner sized them as it pleased and joined a chunk's 10,000 rows to a million-row
/// table by scanning the whole table, once per chunk.
/// </summary>
internal static class PostgreSqlMatchingSql
{
    private const string Tenant = "CAST(@tenant AS text)";

    private const string ReportedEventId =
        "lpad(to_hex(@now >> 16), 8, '0') || '-' || lpad(to_hex(@now & 65535), 4, '0') || '-7000-' || lpad(to_hex(32768 | ((e.seq >> 48) & 16383)), 4, '0') || '-' || lpad(to_hex(e.seq & 281474976710655), 12, '0')";

    private const string AnomalyEventId =
        "lpad(to_hex(@now >> 16), 8, '0') || '-' || lpad(to_hex(@now & 65535), 4, '0') || '-7001-' || lpad(to_hex(32768 | ((a.\"Id\" >> 48) & 16383)), 4, '0') || '-' || lpad(to_hex(a.\"Id\" & 281474976710655), 12, '0')";

    private const string AnomalyColumns =
        "INSERT INTO \"ReconciliationAnomalies\" (\"Tenant\", \"Key\", \"Code\", \"ReportingFlowId\", \"FlowId\", \"PspId\", \"LineIndex\", \"Iuv\", \"Iur\", \"PaymentId\", \"Detail\", \"Status\", \"CreatedAt\")";

    private const string CurrentLine = "\"ReportingFlowLines\" d JOIN \"ReportingFlows\" fd ON fd.\"Id\" = d.\"ReportingFlowId\" AND NOT fd.\"Superseded\"";

    private const string AnyMatched = $"EXISTS (SELECT 1 FROM {CurrentLine} WHERE d.\"Tenant\" = o.\"Tenant\" AND d.\"Iuv\" = o.\"Iuv\" AND d.\"Status\" = 'Matched')";

    private const string Transfers = "o.\"TransfersJson\"::jsonb";

    public const string DropWorkTables = """
        DROP TABLE IF EXISTS pg_temp.recon_tenants, pg_temp.recon_lines, pg_temp.recon_flows, pg_temp.recon_payments, pg_temp.recon_options, pg_temp.recon_reported;
        """;

    // The last transaction's first statement; JIT off as in the chunks (see CreateLines).
    public const string CreateTenants = "SET LOCAL jit = off; CREATE TEMP TABLE recon_tenants (tenant text PRIMARY KEY, fiscal_code text NOT NULL);";

    public const string InsertTenant = "INSERT INTO recon_tenants (tenant, fiscal_code) VALUES (@t, @fc);";

    public const string LastAnomalyId = "SELECT COALESCE(MAX(\"Id\"), 0) FROM \"ReconciliationAnomalies\";";

    private const string LineKey = "(l.\"ReportingFlowId\", l.\"Index\")";

    /// <summary>The key of the last line of the next chunk: the next @lines lines to decide after (@after0, @after1); no row when none is left.</summary>
    public const string NextChunk = $"""
        SELECT c.flow_id, c.line_index FROM (
            SELECT l."ReportingFlowId" AS flow_id, l."Index" AS line_index
            FROM "ReportingFlowLines" l JOIN "ReportingFlows" f ON f."Id" = l."ReportingFlowId" AND NOT f."Superseded"
            WHERE {LineKey} > (@after0, @after1) AND l."Status" <> 'Matched' AND l."Outcome" <> 'Revoked' AND ({Tenant} IS NULL OR l."Tenant" = {Tenant})
            ORDER BY l."ReportingFlowId", l."Index" LIMIT @lines) c
        ORDER BY c.flow_id DESC, c.line_index DESC LIMIT 1;
        """;

    // Work tables are created, then filled: PostgreSQL takes no parameters in CREATE TABLE AS. The chunk's statements
    // (this one first, SET LOCAL ends with the chunk's transaction) join a few thousand rows to tables of millions by
    // key: merge joins walked the large table's index from its first entry and hash joins scanned it whole, so each chunk
    // cost more than the one before; nested loops on the indexes cost the same for every chunk. The statements' estimated
    // costs grow with the tables and crossed JIT's thresholds: compiling them took ~1 s per statement, running them 10 ms.
    public const string CreateLines = $"""
        SET LOCAL jit = off;
        SET LOCAL enable_mergejoin = off;
        SET LOCAL enable_hashjoin = off;
        CREATE TEMP TABLE recon_lines (flow_id uuid NOT NULL, line_index int NOT NULL, flow_created bigint NOT NULL, payment_id uuid,
            option_index int, one_transfer boolean, transfer_amount bigint, code text NOT NULL, paid_twice boolean NOT NULL);
        INSERT INTO recon_lines
        SELECT c.flow_id, c.line_index, c.flow_created, c.payment_id, c.option_index, c.one_transfer, c.transfer_amount, CASE
            WHEN (c.siblings & 1) <> 0 THEN '{AnomalyCodes.DuplicateInFlow}'
            WHEN c.outcome IN ('NoRpt', 'StandInNoRpt') AND c.payment_id IS NULL THEN '{AnomalyCodes.NoRptUnknown}'
            WHEN c.payment_id IS NULL THEN '{AnomalyCodes.PaymentUnknown}'
            WHEN c.outcome IN ('Executed', 'StandIn') AND c.receipt_id IS NULL THEN '{AnomalyCodes.ReportedWithoutReceipt}'
            WHEN c.outcome IN ('Executed', 'StandIn') AND c.receipt_id <> c.iur THEN '{AnomalyCodes.PaymentUnknown}'
            WHEN c.transfer_amount IS NULL THEN '{AnomalyCodes.PaymentUnknown}'
            WHEN (c.siblings & 2) <> 0 THEN '{AnomalyCodes.SeveralPayments}'
            WHEN c.transfer_amount <> c.amount_cents THEN '{AnomalyCodes.AmountDiffers}'
            ELSE 'matched' END AS code,
            (c.siblings & 4) <> 0 AS paid_twice
        FROM (
            SELECT l."ReportingFlowId" AS flow_id, l."Index" AS line_index, f."CreatedAt" AS flow_created, l."Iur" AS iur,
                l."AmountCents" AS amount_cents, l."Outcome" AS outcome, o."PaymentId" AS payment_id, o."ReceiptId" AS receipt_id,
                o."Index" AS option_index, jsonb_array_length({Transfers}) = 1 AS one_transfer,
                (SELECT (t.value ->> 'AmountCents')::bigint FROM jsonb_array_elements({Transfers}) t
                    WHERE (t.value ->> 'Index')::int = l."TransferIndex" LIMIT 1) AS transfer_amount,
                COALESCE((SELECT max((d."ReportingFlowId" = l."ReportingFlowId" AND d."Iur" = l."Iur" AND d."Index" < l."Index")::int)
                        | 2 * max((d."ReportingFlowId" <> l."ReportingFlowId" AND d."Iur" = l."Iur" AND d."Outcome" <> 'Revoked'
                            AND (d."Status" = 'Matched' OR (fd."CreatedAt", fd."Id") < (f."CreatedAt", f."Id")))::int)
                        | 4 * max((d."Iur" <> l."Iur" AND d."Outcome" <> 'Revoked')::int)
                    FROM {CurrentLine} WHERE d."Tenant" = l."Tenant" AND d."Iuv" = l."Iuv" AND d."TransferIndex" = l."TransferIndex"
                        AND (d."ReportingFlowId", d."Index") <> (l."ReportingFlowId", l."Index")), 0) AS siblings
            FROM "ReportingFlowLines" l
            JOIN "ReportingFlows" f ON f."Id" = l."ReportingFlowId" AND NOT f."Superseded"
            LEFT JOIN "PaymentOptions" o ON o."Tenant" = l."Tenant" AND o."Iuv" = l."Iuv"
            WHERE {LineKey} > (@after0, @after1) AND {LineKey} <= (@upto0, @upto1)
              AND l."Status" <> 'Matched' AND l."Outcome" <> 'Revoked' AND ({Tenant} IS NULL OR l."Tenant" = {Tenant})
            OFFSET 0
        ) c;
        ANALYZE recon_lines;
        """;

    public const string CountLines = "SELECT COUNT(*), COUNT(*) FILTER (WHERE code = 'matched') FROM recon_lines;";

    public const string UpdateLines = $"""
        UPDATE "ReportingFlowLines" l
        SET "Status" = CASE WHEN c.code = 'matched' THEN 'Matched' ELSE 'Anomalous' END,
            "PaymentId" = CASE WHEN c.code = 'matched' THEN c.payment_id END
        FROM recon_lines c
        WHERE l."ReportingFlowId" = c.flow_id AND l."Index" = c.line_index AND {LineKey} > (@after0, @after1) AND {LineKey} <= (@upto0, @upto1)
          AND l."Status" <> CASE WHEN c.code = 'matched' THEN 'Matched' ELSE 'Anomalous' END;
        """;

    private const string LinesOfThePass = """
        FROM recon_lines c JOIN "ReportingFlowLines" l ON l."ReportingFlowId" = c.flow_id AND l."Index" = c.line_index
        JOIN "ReportingFlows" f ON f."Id" = c.flow_id
        """;

    public const string InsertLineAnomalies = $"""
        {AnomalyColumns}
        SELECT l."Tenant", c.code || ':' || f."Id" || ':' || l."Index", c.code, f."Id", f."FlowId", f."PspId", l."Index", l."Iuv", l."Iur", c.payment_id,
            CASE c.code
                WHEN '{AnomalyCodes.PaymentUnknown}' THEN 'No notice matches the IUV, the IUR and transfer ' || l."TransferIndex" || '.'
                WHEN '{AnomalyCodes.SeveralPayments}' THEN 'Another current flow reports the same IUV, IUR and transfer ' || l."TransferIndex" || '.'
                WHEN '{AnomalyCodes.AmountDiffers}' THEN 'Reported ' || l."AmountCents" || ' cents; transfer ' || l."TransferIndex" || ' is ' || c.transfer_amount || ' cents.'
                WHEN '{AnomalyCodes.NoRptUnknown}' THEN 'Payment without request (' || l."Outcome" || ') for an IUV no notice has.'
                WHEN '{AnomalyCodes.DuplicateInFlow}' THEN 'An earlier line of the flow has the same IUV, IUR and transfer ' || l."TransferIndex" || '.'
                ELSE 'The notice has no receipt yet.' END,
            'Open', @now
        {LinesOfThePass}
        WHERE c.code <> 'matched'
        ORDER BY c.flow_created, c.flow_id, c.line_index
        ON CONFLICT DO NOTHING;
        """;

    public const string InsertPaidTwice = $"""
        {AnomalyColumns}
        SELECT l."Tenant", '{AnomalyCodes.PaidTwice}:' || f."Id" || ':' || l."Index", '{AnomalyCodes.PaidTwice}', f."Id", f."FlowId", f."PspId", l."Index",
            l."Iuv", l."Iur", c.payment_id, 'Transfer ' || l."TransferIndex" || ' of the IUV is reported with another IUR too.', 'Open', @now
        {LinesOfThePass}
        WHERE c.paid_twice
        ORDER BY c.flow_created, c.flow_id, c.line_index
        ON CONFLICT DO NOTHING;
        """;

    public const string CreateFlows = $"""
        CREATE TEMP TABLE recon_flows (id uuid PRIMARY KEY, tenant text NOT NULL, flow_id text NOT NULL, psp_id text NOT NULL, sum_cents bigint NOT NULL,
            total_payments int NOT NULL, receiver_id text NOT NULL, created_at bigint NOT NULL, lines bigint NOT NULL, total bigint NOT NULL);
        INSERT INTO recon_flows
        SELECT f."Id" AS id, f."Tenant" AS tenant, f."FlowId" AS flow_id, f."PspId" AS psp_id, f."SumCents" AS sum_cents,
            f."TotalPayments" AS total_payments, f."ReceiverId" AS receiver_id, f."CreatedAt" AS created_at,
            (SELECT COUNT(*) FROM "ReportingFlowLines" l WHERE l."ReportingFlowId" = f."Id") AS lines,
            (SELECT COALESCE(SUM(l."AmountCents"), 0) FROM "ReportingFlowLines" l WHERE l."ReportingFlowId" = f."Id") AS total
        FROM "ReportingFlows" f
        WHERE NOT f."Checked" AND NOT f."Superseded" AND ({Tenant} IS NULL OR f."Tenant" = {Tenant});
        """;

    public const string InsertFlowAnomalies = $"""
        {AnomalyColumns}
        SELECT tenant, '{AnomalyCodes.SumDiffers}:' || id, '{AnomalyCodes.SumDiffers}', id, flow_id, psp_id, NULL, NULL, NULL, NULL,
            'Header sum ' || sum_cents || ' cents; the lines add up to ' || total || ' cents.', 'Open', @now
        FROM recon_flows WHERE total <> sum_cents ORDER BY created_at, id
        ON CONFLICT DO NOTHING;
        {AnomalyColumns}
        SELECT tenant, '{AnomalyCodes.CountDiffers}:' || id, '{AnomalyCodes.CountDiffers}', id, flow_id, psp_id, NULL, NULL, NULL, NULL,
            'Header count ' || total_payments || '; the flow has ' || lines || ' lines.', 'Open', @now
        FROM recon_flows WHERE lines <> total_payments ORDER BY created_at, id
        ON CONFLICT DO NOTHING;
        {AnomalyColumns}
        SELECT r.tenant, '{AnomalyCodes.WrongReceiver}:' || r.id, '{AnomalyCodes.WrongReceiver}', r.id, r.flow_id, r.psp_id, NULL, NULL, NULL, NULL,
            'The flow names receiver ' || r.receiver_id || ', not the tenant.', 'Open', @now
        FROM recon_flows r JOIN recon_tenants t ON t.tenant = r.tenant
        WHERE r.receiver_id <> t.fiscal_code ORDER BY r.created_at, r.id
        ON CONFLICT DO NOTHING;
        UPDATE "ReportingFlows" SET "Checked" = TRUE WHERE "Id" IN (SELECT id FROM recon_flows);
        """;

    public const string ReportOptions = $"""
        CREATE TEMP TABLE recon_payments (payment_id uuid PRIMARY KEY, matched_option int);
        INSERT INTO recon_payments SELECT payment_id, CASE WHEN one_transfer THEN option_index END FROM recon_lines WHERE code = 'matched'
        ON CONFLICT DO NOTHING;
        ANALYZE recon_payments;
        CREATE TEMP TABLE recon_options AS
        SELECT o."PaymentId" AS payment_id, o."Index" AS option_index, CASE
            WHEN o."Index" = m.matched_option THEN 2
            WHEN jsonb_array_length({Transfers}) = 1 THEN CASE
                WHEN {Transfers} -> 0 ->> 'BeneficiaryFiscalCode' IS NOT NULL THEN CASE WHEN {AnyMatched} THEN 2 ELSE 0 END
                WHEN EXISTS (SELECT 1 FROM {CurrentLine} WHERE d."Tenant" = o."Tenant" AND d."Iuv" = o."Iuv"
                    AND d."TransferIndex" = ({Transfers} -> 0 ->> 'Index')::int AND d."Status" = 'Matched') THEN 2
                WHEN {AnyMatched} THEN 1 ELSE 0 END
            WHEN NOT {AnyMatched} THEN 0
            WHEN NOT EXISTS (
                SELECT 1 FROM jsonb_array_elements({Transfers}) t
                WHERE t.value ->> 'BeneficiaryFiscalCode' IS NULL
                  AND NOT EXISTS (SELECT 1 FROM {CurrentLine} WHERE d."Tenant" = o."Tenant" AND d."Iuv" = o."Iuv"
                      AND d."TransferIndex" = (t.value ->> 'Index')::int AND d."Status" = 'Matched')) THEN 2
            ELSE 1 END AS state
        FROM recon_payments m JOIN "PaymentOptions" o ON o."PaymentId" = m.payment_id;
        ANALYZE recon_options;
        UPDATE "PaymentOptions" o
        SET "Status" = CASE r.state WHEN 2 THEN 'Reported' ELSE 'PartiallyReported' END
        FROM recon_options r
        WHERE o."PaymentId" = r.payment_id AND o."Index" = r.option_index AND r.state > 0
          AND o."Status" <> CASE r.state WHEN 2 THEN 'Reported' ELSE 'PartiallyReported' END;
        CREATE TEMP TABLE recon_reported (payment_id uuid PRIMARY KEY, created_at bigint NOT NULL);
        INSERT INTO recon_reported
        SELECT p."Id", p."CreatedAt"
        FROM recon_payments m JOIN "Payments" p ON p."Id" = m.payment_id
        WHERE p."Status" IN ('Payable', 'PartiallyPaid', 'Paid')
          AND m.payment_id NOT IN (SELECT payment_id FROM recon_options WHERE state < 2);
        ANALYZE recon_reported;
        UPDATE "Payments" SET "Status" = 'Reported', "UpdatedAt" = @now, "Version" = "Version" + 1
        WHERE "Id" IN (SELECT payment_id FROM recon_reported);
        """;

    public const string CountReported = "SELECT COUNT(*) FROM recon_reported;";

    public const string InsertReportedEvents = $"""
        INSERT INTO "Events" ("Sequence", "Id", "Tenant", "Type", "Subject", "DataJson", "DeduplicationKey", "OccurredAt")
        SELECT e.seq, {ReportedEventId}, e."Tenant", 'payment.reported', 'payments/' || e."Id",
            (SELECT json_build_object(
                'paymentId', e."Id", 'iupd', e."Iupd", 'status', 'reported',
                'amountCents', SUM(n."AmountCents"),
                'reference', e."Reference",
                'noticeNumbers', json_agg(n."NoticeNumber" ORDER BY n."Index"))::text
             FROM "PaymentOptions" n WHERE n."PaymentId" = e."Id"),
            'payment:' || e."Id" || ':reported', @now
        FROM (
            SELECT nextval(pg_get_serial_sequence('"Events"', 'Sequence')) AS seq, p.*
            FROM (SELECT p."Id", p."Tenant", p."Iupd", p."Reference" FROM recon_reported r JOIN "Payments" p ON p."Id" = r.payment_id
                ORDER BY r.created_at, r.payment_id) p
        ) e
        ORDER BY e.seq
        ON CONFLICT DO NOTHING;
        """;

    public const string InsertPaidNotReported = $"""
        {AnomalyColumns}
        SELECT o."Tenant", '{AnomalyCodes.PaidNotReported}:' || o."PaymentId" || ':' || o."Index", '{AnomalyCodes.PaidNotReported}', NULL, NULL, NULL, NULL,
            o."Iuv", o."ReceiptId", o."PaymentId", 'Paid more than ' || @days || ' days ago; no current flow reports it.', 'Open', @now
        FROM "PaymentOptions" o
        WHERE o."Status" = 'Paid' AND o."PaidAt" < @cutoff AND ({Tenant} IS NULL OR o."Tenant" = {Tenant})
          AND NOT EXISTS (SELECT 1 FROM {CurrentLine} WHERE d."Tenant" = o."Tenant" AND d."Iuv" = o."Iuv" AND d."Status" = 'Matched')
        ORDER BY o."PaymentId", o."Index"
        ON CONFLICT DO NOTHING;
        """;

    public const string CountNewAnomalies = "SELECT COUNT(*) FROM \"ReconciliationAnomalies\" WHERE \"Id\" > @before;";

    public const string InsertAnomalyEvents = $"""
        INSERT INTO "Events" ("Id", "Tenant", "Type", "Subject", "DataJson", "DeduplicationKey", "OccurredAt")
        SELECT {AnomalyEventId}, a."Tenant", 'reconciliation.anomaly', 'reconciliation/anomalies/' || a."Id",
            json_build_object('anomalyId', a."Id", 'code', a."Code", 'flowId', a."FlowId", 'pspId', a."PspId", 'lineIndex', a."LineIndex",
                'iuv', a."Iuv", 'iur', a."Iur", 'paymentId', a."PaymentId", 'detail', a."Detail")::text,
            'anomaly:' || a."Key", @now
        FROM "ReconciliationAnomalies" a
        WHERE a."Id" > @before
        ORDER BY a."Id"
        ON CONFLICT DO NOTHING;
        """;

    public const string ResolveSettledAnomalies = $"""
        UPDATE "ReconciliationAnomalies"
        SET "Status" = 'Resolved', "ResolvedBy" = '{MatchingSql.MatcherActor}', "ResolvedAt" = @now, "ResolvedNote" = 'The line matched on a later pass.'
        WHERE "Status" = 'Open' AND ({Tenant} IS NULL OR "Tenant" = {Tenant}) AND "LineIndex" IS NOT NULL
          AND "Code" IN ('{AnomalyCodes.PaymentUnknown}', '{AnomalyCodes.SeveralPayments}', '{AnomalyCodes.AmountDiffers}', '{AnomalyCodes.NoRptUnknown}', '{AnomalyCodes.ReportedWithoutReceipt}')
          AND EXISTS (SELECT 1 FROM "ReportingFlowLines" l JOIN "ReportingFlows" f ON f."Id" = l."ReportingFlowId" AND NOT f."Superseded"
              WHERE l."ReportingFlowId" = "ReconciliationAnomalies"."ReportingFlowId" AND l."Index" = "ReconciliationAnomalies"."LineIndex" AND l."Status" = 'Matched');
        UPDATE "ReconciliationAnomalies"
        SET "Status" = 'Resolved', "ResolvedBy" = '{MatchingSql.MatcherActor}', "ResolvedAt" = @now,
            "ResolvedNote" = 'Revision ' || (SELECT f."Revision" FROM "ReportingFlows" f WHERE f."Id" = "ReconciliationAnomalies"."ReportingFlowId") || ' of the flow was superseded by a newer one.'
        WHERE "Status" = 'Open' AND ({Tenant} IS NULL OR "Tenant" = {Tenant}) AND "ReportingFlowId" IS NOT NULL
          AND EXISTS (SELECT 1 FROM "ReportingFlows" f WHERE f."Id" = "ReconciliationAnomalies"."ReportingFlowId" AND f."Superseded");
        UPDATE "ReconciliationAnomalies"
        SET "Status" = 'Resolved', "ResolvedBy" = '{MatchingSql.MatcherActor}', "ResolvedAt" = @now, "ResolvedNote" = 'A flow reported the notice after all.'
        WHERE "Status" = 'Open' AND ({Tenant} IS NULL OR "Tenant" = {Tenant}) AND "Code" = '{AnomalyCodes.PaidNotReported}'
          AND EXISTS (SELECT 1 FROM {CurrentLine} WHERE d."Tenant" = "ReconciliationAnomalies"."Tenant" AND d."Iuv" = "ReconciliationAnomalies"."Iuv" AND d."Status" = 'Matched');
        """;

    public const string UpdateChunkFlowStatuses = $"""
        UPDATE "ReportingFlows" SET "Status" = {MatchingSql.FlowStatus}
        WHERE "Id" IN (SELECT flow_id FROM recon_lines);
        """;

    public const string UpdateFlowStatuses = $"""
        UPDATE "ReportingFlows" SET "Status" = {MatchingSql.FlowStatus}
        WHERE "Id" IN (SELECT id FROM recon_flows) OR ("Status" = 'Anomalous' AND NOT "Superseded" AND ({Tenant} IS NULL OR "Tenant" = {Tenant}));
        """;
}
