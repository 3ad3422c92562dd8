using InteropHub.Contracts.Adapters;
using InteropHub.Core.ApiKeys;
using InteropHub.Core.Audit;
using InteropHub.Core.Checkpoints;
using InteropHub.Core.Events;
using InteropHub.Core.Idempotency;
using InteropHub.Core.Jobs;
using InteropHub.Core.Limits;
using InteropHub.Core.Payments;
using InteropHub.Core.Quotas;
using InteropHub.Core.Reconciliation;
using InteropHub.Core.Sequences;
using InteropHub.Core.Verifications;
using InteropHub.Core.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace InteropHub.Core.Persistence;

/// <summary>
/// The hub's own tables, one model for every provider. The schema changes only through migrations: SQLite's in
/// <c>Persistence/Migrations</c> (this type's), PostgreSQL's in <c>Persistence/Migrations/PostgreSql</c> (<see cref="PostgreSqlHubDbContext"/>'s).
/// </summary>
internal class HubDbContext : DbContext
{
    private const int TenantLength = 40;
    private const int HashLength = 64;
    private const int NameLength = 200;

    public HubDbContext(DbContextOptions<HubDbContext> options)
        : base(options)
    {
    }

    /// <summary>For the per-provider subtypes, which exist only so each provider has its own migrations.</summary>
    protected HubDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<ApiKeyRow> ApiKeys => Set<ApiKeyRow>();

    public DbSet<IdempotencyRow> IdempotencyRecords => Set<IdempotencyRow>();

    public DbSet<AuditRow> AuditRecords => Set<AuditRow>();

    public DbSet<CheckpointRow> Checkpoints => Set<CheckpointRow>();

    public DbSet<JobRunRow> JobRuns => Set<JobRunRow>();

    public DbSet<EventRow> Events => Set<EventRow>();

    public DbSet<WebhookSubscriptionRow> WebhookSubscriptions => Set<WebhookSubscriptionRow>();

    public DbSet<WebhookDeliveryRow> WebhookDeliveries => Set<WebhookDeliveryRow>();

    public DbSet<SequenceRow> Sequences => Set<SequenceRow>();

    public DbSet<QuotaCounterRow> QuotaCounters => Set<QuotaCounterRow>();

    public DbSet<UpstreamCallSlotRow> UpstreamCallSlots => Set<UpstreamCallSlotRow>();

    public DbSet<VerificationBatchRow> VerificationBatches => Set<VerificationBatchRow>();

    public DbSet<VerificationItemRow> VerificationItems => Set<VerificationItemRow>();

    public DbSet<PaymentRow> Payments => Set<PaymentRow>();

    public DbSet<PaymentOptionRow> PaymentOptions => Set<PaymentOptionRow>();

    public DbSet<PaymentBatchRow> PaymentBatches => Set<PaymentBatchRow>();

    public DbSet<PaymentBatchErrorRow> PaymentBatchErrors => Set<PaymentBatchErrorRow>();

    public DbSet<ReportingFlowRow> ReportingFlows => Set<ReportingFlowRow>();

    public DbSet<ReportingFlowLineRow> ReportingFlowLines => Set<ReportingFlowLineRow>();

    public DbSet<ReconciliationAnomalyRow> ReconciliationAnomalies => Set<ReconciliationAnomalyRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ApiKeyRow>(key =>
        {
            key.ToTable("ApiKeys");
            key.HasKey(k => k.Id);
            key.Property(k => k.Id).HasMaxLength(32);
            key.Property(k => k.Tenant).HasMaxLength(TenantLength);
            key.Property(k => k.KeyHash).HasMaxLength(HashLength);
            key.HasIndex(k => k.KeyHash).IsUnique();
            key.Property(k => k.Scopes).HasMaxLength(NameLength);
            key.Property(k => k.Label).HasMaxLength(NameLength);
        });

        modelBuilder.Entity<IdempotencyRow>(record =>
        {
            record.ToTable("IdempotencyRecords");
            record.HasKey(r => new { r.Tenant, r.Key });
            record.Property(r => r.Tenant).HasMaxLength(TenantLength);
            record.Property(r => r.Key).HasMaxLength(255);
            record.Property(r => r.RequestHash).HasMaxLength(128);
            record.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
            record.Property(r => r.ContentType).HasMaxLength(NameLength);
            record.HasIndex(r => r.ExpiresAt);
        });

        modelBuilder.Entity<AuditRow>(audit =>
        {
            audit.ToTable("AuditRecords");
            audit.HasKey(a => a.Sequence);
            audit.Property(a => a.Sequence).ValueGeneratedOnAdd();
            audit.Property(a => a.Tenant).HasMaxLength(TenantLength);
            audit.Property(a => a.Actor).HasMaxLength(NameLength);
            audit.Property(a => a.Action).HasMaxLength(NameLength);
            audit.Property(a => a.Outcome).HasMaxLength(NameLength);
            audit.Property(a => a.RequestId).HasMaxLength(NameLength);
            audit.Property(a => a.PreviousHash).HasMaxLength(HashLength);
            audit.Property(a => a.Hash).HasMaxLength(HashLength);
            audit.HasIndex(a => new { a.Tenant, a.Sequence });
        });

        modelBuilder.Entity<CheckpointRow>(checkpoint =>
        {
            checkpoint.ToTable("JobCheckpoints");
            checkpoint.HasKey(c => c.Scope);
            checkpoint.Property(c => c.Scope).HasMaxLength(NameLength);
        });

        modelBuilder.Entity<JobRunRow>(run =>
        {
            run.ToTable("JobRuns");
            run.HasKey(r => r.Id);
            run.Property(r => r.Id).ValueGeneratedOnAdd();
            run.Property(r => r.JobName).HasMaxLength(NameLength);
            run.Property(r => r.Tenant).HasMaxLength(TenantLength);
            run.Property(r => r.Instance).HasMaxLength(NameLength);
            run.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            run.HasIndex(r => new { r.JobName, r.Id });
            run.HasIndex(r => r.Status);
        });

        modelBuilder.Entity<EventRow>(hubEvent =>
        {
            hubEvent.ToTable("Events");
            hubEvent.HasKey(e => e.Sequence);
            hubEvent.Property(e => e.Sequence).ValueGeneratedOnAdd();
            hubEvent.Property(e => e.Id).IsRequired().HasMaxLength(36);
            hubEvent.HasIndex(e => e.Id).IsUnique();
            hubEvent.Property(e => e.Tenant).HasMaxLength(TenantLength);
            hubEvent.Property(e => e.Type).HasMaxLength(NameLength);
            hubEvent.Property(e => e.Subject).HasMaxLength(NameLength);
            hubEvent.Property(e => e.DeduplicationKey).HasMaxLength(NameLength);
            hubEvent.HasIndex(e => new { e.Tenant, e.DeduplicationKey }).IsUnique();
            hubEvent.HasIndex(e => new { e.Tenant, e.Sequence });
        });

        modelBuilder.Entity<WebhookSubscriptionRow>(subscription =>
        {
            subscription.ToTable("WebhookSubscriptions");
            subscription.HasKey(w => w.Id);
            subscription.Property(w => w.Tenant).HasMaxLength(TenantLength);
            subscription.Property(w => w.Url).HasMaxLength(2048);
            subscription.HasIndex(w => w.Tenant);
            subscription.HasIndex(w => w.EnqueuedThrough);
        });

        modelBuilder.Entity<WebhookDeliveryRow>(delivery =>
        {
            delivery.ToTable("WebhookDeliveries");
            delivery.HasKey(d => d.Id);
            delivery.Property(d => d.Id).ValueGeneratedOnAdd();
            delivery.Property(d => d.Tenant).HasMaxLength(TenantLength);
            delivery.Property(d => d.EventId).HasMaxLength(36);
            delivery.Property(d => d.EventType).HasMaxLength(NameLength);
            delivery.Property(d => d.Subject).HasMaxLength(NameLength);
            delivery.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
            delivery.Property(d => d.LastError).HasMaxLength(WebhookDeliveryStore.MaxErrorLength);
            // Deleting a subscription deletes its deliveries: nothing more goes out for it.
            delivery.HasOne<WebhookSubscriptionRow>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
            delivery.HasIndex(d => new { d.SubscriptionId, d.EventSequence }).IsUnique();
            delivery.HasIndex(d => new { d.SubscriptionId, d.Subject, d.Status, d.EventSequence });
            delivery.HasIndex(d => new { d.Status, d.NextAttemptAt });
        });

        modelBuilder.Entity<SequenceRow>(sequence =>
        {
            sequence.ToTable("Sequences");
            sequence.HasKey(q => new { q.Tenant, q.Name });
            sequence.Property(q => q.Tenant).HasMaxLength(TenantLength);
            sequence.Property(q => q.Name).HasMaxLength(NameLength);
        });

        modelBuilder.Entity<QuotaCounterRow>(counter =>
        {
            counter.ToTable("QuotaCounters");
            counter.HasKey(c => new { c.Tenant, c.Service, c.Day });
            counter.Property(c => c.Tenant).HasMaxLength(TenantLength);
            counter.Property(c => c.Service).HasMaxLength(32);
            counter.Property(c => c.Day).HasMaxLength(10);
        });

        modelBuilder.Entity<UpstreamCallSlotRow>(slot =>
        {
            slot.ToTable("UpstreamCallSlots");
            slot.HasKey(s => s.Id);
            slot.Property(s => s.Limit).HasMaxLength(CallLimit.MaxNameLength);
            slot.Property(s => s.Key).HasMaxLength(HashLength);
            slot.HasIndex(s => new { s.Limit, s.Key, s.FreesAt });
        });

        modelBuilder.Entity<VerificationBatchRow>(batch =>
        {
            batch.ToTable("VerificationBatches");
            batch.HasKey(b => b.Id);
            batch.Property(b => b.Tenant).HasMaxLength(TenantLength);
            batch.Property(b => b.OperatorId).HasMaxLength(NameLength);
            batch.Property(b => b.RequestId).HasMaxLength(NameLength);
            batch.Property(b => b.Checks).HasMaxLength(64);
            batch.Property(b => b.ComuneIstatCode).HasMaxLength(6);
            batch.HasIndex(b => b.Tenant);
            batch.HasIndex(b => b.CompletedAt);
        });

        modelBuilder.Entity<VerificationItemRow>(item =>
        {
            item.ToTable("VerificationItems");
            item.HasKey(i => new { i.BatchId, i.Index });
            item.Property(i => i.FiscalCode).HasMaxLength(64);
            item.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
            item.Property(i => i.ProblemCode).HasMaxLength(NameLength);
            item.HasOne<VerificationBatchRow>().WithMany().HasForeignKey(i => i.BatchId).OnDelete(DeleteBehavior.Cascade);
            item.HasIndex(i => new { i.Status, i.BatchId, i.Index });
        });

        modelBuilder.Entity<PaymentRow>(payment =>
        {
            payment.ToTable("Payments");
            payment.HasKey(p => p.Id);
            payment.Property(p => p.Tenant).HasMaxLength(TenantLength);
            payment.Property(p => p.Iupd).HasMaxLength(NameLength);
            payment.HasIndex(p => new { p.Tenant, p.Iupd }).IsUnique();
            payment.Property(p => p.RequestHash).HasMaxLength(128);
            payment.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
            payment.Property(p => p.DebtorFiscalCode).HasMaxLength(16);
            payment.Property(p => p.Reference).HasMaxLength(NameLength);
            payment.Property(p => p.TaxonomyCode).HasMaxLength(64);
            payment.Property(p => p.ExpiryPolicy).HasConversion<string>().HasMaxLength(16);
            payment.Property(p => p.RefusalCode).HasMaxLength(NameLength);
            payment.Property(p => p.Version).IsConcurrencyToken();
            payment.HasIndex(p => new { p.Tenant, p.CreatedAt });
            payment.HasIndex(p => new { p.Tenant, p.DebtorFiscalCode });
            payment.HasIndex(p => new { p.Status, p.UpdatedAt });
            payment.HasIndex(p => new { p.BatchId, p.Status, p.BatchIndex });
        });

        modelBuilder.Entity<PaymentOptionRow>(option =>
        {
            option.ToTable("PaymentOptions");
            option.HasKey(o => new { o.PaymentId, o.Index });
            option.Property(o => o.Tenant).HasMaxLength(TenantLength);
            option.Property(o => o.Iuv).HasMaxLength(17);
            option.Property(o => o.NoticeNumber).HasMaxLength(18);
            option.Property(o => o.Status).HasConversion<string>().HasMaxLength(24);
            option.Property(o => o.ReceiptId).HasMaxLength(NameLength);
            option.Property(o => o.PspCompany).HasMaxLength(NameLength);
            option.HasOne<PaymentRow>().WithMany().HasForeignKey(o => o.PaymentId).OnDelete(DeleteBehavior.Cascade);
            option.HasIndex(o => new { o.Tenant, o.Iuv }).IsUnique();
            option.HasIndex(o => new { o.Tenant, o.DueDate });
        });

        modelBuilder.Entity<PaymentBatchRow>(batch =>
        {
            batch.ToTable("PaymentBatches");
            batch.HasKey(b => b.Id);
            batch.Property(b => b.Tenant).HasMaxLength(TenantLength);
            batch.Property(b => b.RequestHash).HasMaxLength(128);
            batch.HasIndex(b => new { b.CompletedAt, b.CreatedAt });
        });

        modelBuilder.Entity<PaymentBatchErrorRow>(error =>
        {
            error.ToTable("PaymentBatchErrors");
            error.HasKey(e => new { e.BatchId, e.Index });
            error.HasOne<PaymentBatchRow>().WithMany().HasForeignKey(e => e.BatchId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ReportingFlowRow>(flow =>
        {
            flow.ToTable("ReportingFlows");
            flow.HasKey(f => f.Id);
            flow.Property(f => f.Tenant).HasMaxLength(TenantLength);
            flow.Property(f => f.FlowId).HasMaxLength(64);
            flow.Property(f => f.PspId).HasMaxLength(64);
            flow.Property(f => f.Regulation).HasMaxLength(NameLength);
            flow.Property(f => f.PspName).HasMaxLength(NameLength);
            flow.Property(f => f.ReceiverId).HasMaxLength(64);
            flow.Property(f => f.Status).HasConversion<string>().HasMaxLength(16);
            flow.HasIndex(f => new { f.Tenant, f.FlowId, f.PspId, f.Revision }).IsUnique();
            flow.HasIndex(f => new { f.Tenant, f.RegulationDate });
        });

        modelBuilder.Entity<ReportingFlowLineRow>(line =>
        {
            line.ToTable("ReportingFlowLines");
            line.HasKey(l => new { l.ReportingFlowId, l.Index });
            line.Property(l => l.Tenant).HasMaxLength(TenantLength);
            line.Property(l => l.Iuv).HasMaxLength(64);
            line.Property(l => l.Iur).HasMaxLength(64);
            line.Property(l => l.Outcome).HasConversion<string>().HasMaxLength(16);
            line.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
            line.HasOne<ReportingFlowRow>().WithMany().HasForeignKey(l => l.ReportingFlowId).OnDelete(DeleteBehavior.Cascade);
            line.HasIndex(l => new { l.Tenant, l.Iuv });
        });

        modelBuilder.Entity<ReconciliationAnomalyRow>(anomaly =>
        {
            anomaly.ToTable("ReconciliationAnomalies");
            anomaly.HasKey(a => a.Id);
            anomaly.Property(a => a.Id).ValueGeneratedOnAdd();
            anomaly.Property(a => a.Tenant).HasMaxLength(TenantLength);
            anomaly.Property(a => a.Key).HasMaxLength(NameLength);
            anomaly.Property(a => a.Code).HasMaxLength(32);
            anomaly.Property(a => a.FlowId).HasMaxLength(64);
            anomaly.Property(a => a.PspId).HasMaxLength(64);
            anomaly.Property(a => a.Iuv).HasMaxLength(64);
            anomaly.Property(a => a.Iur).HasMaxLength(64);
            anomaly.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
            anomaly.Property(a => a.ResolvedBy).HasMaxLength(NameLength);
            anomaly.HasIndex(a => new { a.Tenant, a.Key }).IsUnique();
            anomaly.HasIndex(a => new { a.Tenant, a.Status, a.Code });
            anomaly.HasIndex(a => new { a.Tenant, a.ReportingFlowId });
            anomaly.HasIndex(a => new { a.Tenant, a.CreatedAt });
        });
    }
}
