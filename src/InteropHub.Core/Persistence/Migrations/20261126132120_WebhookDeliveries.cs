using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InteropHub.Core.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class WebhookDeliveries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EnqueuedThrough",
                table: "WebhookSubscriptions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Subscriptions made before deliveries existed receive the events stored after their creation.
            migrationBuilder.Sql(
                "UPDATE WebhookSubscriptions SET EnqueuedThrough = (SELECT COALESCE(MAX(e.Sequence), 0) FROM Events e " +
                "WHERE e.Tenant = WebhookSubscriptions.Tenant AND e.OccurredAt <= WebhookSubscriptions.CreatedAt);");

            migrationBuilder.CreateTable(
                name: "WebhookDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubscriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tenant = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EventSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    EventType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastStatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeadAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WebhookDeliveries_WebhookSubscriptions_SubscriptionId",
                        column: x => x.SubscriptionId,
                        principalTable: "WebhookSubscriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookSubscriptions_EnqueuedThrough",
                table: "WebhookSubscriptions",
                column: "EnqueuedThrough");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_Status_NextAttemptAt",
                table: "WebhookDeliveries",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_SubscriptionId_EventSequence",
                table: "WebhookDeliveries",
                columns: new[] { "SubscriptionId", "EventSequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_SubscriptionId_Subject_Status_EventSequence",
                table: "WebhookDeliveries",
                columns: new[] { "SubscriptionId", "Subject", "Status", "EventSequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WebhookDeliveries");

            migrationBuilder.DropIndex(
                name: "IX_WebhookSubscriptions_EnqueuedThrough",
                table: "WebhookSubscriptions");

            migrationBuilder.DropColumn(
                name: "EnqueuedThrough",
                table: "WebhookSubscriptions");
        }
    }
}
