using InteropHub.Core.Persistence;

namespace InteropHub.Core.Tests.PostgreSql;

// The provider-neutral store tests again, each on its own database of the test process's PostgreSQL cluster.

public sealed class ApiKeyStorePostgreSqlTests : ApiKeys.ApiKeyStoreTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}

public sealed class AuditCheckpointWriterPostgreSqlTests : Audit.AuditCheckpointWriterTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}

public sealed class CheckpointStorePostgreSqlTests : Checkpoints.CheckpointStoreTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}

public sealed class EventStorePostgreSqlTests : Events.EventStoreTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}

public sealed class IdempotencyStorePostgreSqlTests : Idempotency.IdempotencyStoreTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}

public sealed class IdempotencyRetentionPostgreSqlTests : Idempotency.IdempotencyRetentionTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}

public sealed class IdempotencyRetentionValidationPostgreSqlTests : Idempotency.IdempotencyRetentionValidationTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}

public sealed class IdempotencyLeasePostgreSqlTests : Idempotency.IdempotencyLeaseTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}

public sealed class IdempotencyLeaseValidationPostgreSqlTests : Idempotency.IdempotencyLeaseValidationTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}

public sealed class JobRunStorePostgreSqlTests : Jobs.JobRunStoreTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}

public sealed class PaymentBatchStorePostgreSqlTests : Payments.PaymentBatchStoreTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}

public sealed class PaymentOutcomePostgreSqlTests : Payments.PaymentOutcomeTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}

public sealed class PaymentReceiptPostgreSqlTests : Payments.PaymentReceiptTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}

public sealed class PaymentStorePostgreSqlTests : Payments.PaymentStoreTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}

public sealed class WebhookSubscriptionStorePostgreSqlTests : Webhooks.WebhookSubscriptionStoreTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}

public sealed class NoticeNumberSourcePostgreSqlTests : Payments.NoticeNumberSourceTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}

public sealed class QuotaLedgerPostgreSqlTests : Quotas.QuotaLedgerTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}

public sealed class OperationIdSourcePostgreSqlTests : Sequences.OperationIdSourceTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}

public sealed class ReportingFlowStorePostgreSqlTests : Reconciliation.ReportingFlowStoreTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}

public sealed class VerificationBatchStorePostgreSqlTests : Verifications.VerificationBatchStoreTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}

public sealed class WebhookDeliveryStorePostgreSqlTests : Webhooks.WebhookDeliveryStoreTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}

public sealed class AuditTrailPostgreSqlTests : Audit.AuditTrailTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}

public sealed class AuditTamperingPostgreSqlTests : Audit.AuditTamperingTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}

public sealed class ReconciliationMatcherPostgreSqlTests : Reconciliation.ReconciliationMatcherTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}

public sealed class ReconciliationEventIdsPostgreSqlTests : Reconciliation.ReconciliationEventIdsTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}

public sealed class ReconciliationQueriesPostgreSqlTests : Reconciliation.ReconciliationQueriesTests
{
    protected override HubDatabaseProvider Provider => HubDatabaseProvider.PostgreSql;
}
