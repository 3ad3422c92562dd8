using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InteropHub.Core.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class Payments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PaymentBatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tenant = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Received = table.Column<int>(type: "INTEGER", nullable: false),
                    SealedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tenant = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Iupd = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DebtorFiscalCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DebtorJson = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TaxonomyCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiryPolicy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RefusalCode = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RefusalTitle = table.Column<string>(type: "TEXT", nullable: true),
                    RefusalDetail = table.Column<string>(type: "TEXT", nullable: true),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BatchIndex = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SyncedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Payments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PaymentBatchErrors",
                columns: table => new
                {
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    ErrorsJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentBatchErrors", x => new { x.BatchId, x.Index });
                    table.ForeignKey(
                        name: "FK_PaymentBatchErrors_PaymentBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "PaymentBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaymentOptions",
                columns: table => new
                {
                    PaymentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    Tenant = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Iuv = table.Column<string>(type: "TEXT", maxLength: 17, nullable: false),
                    NoticeNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    AmountCents = table.Column<long>(type: "INTEGER", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TransfersJson = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    PaidAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceiptId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PspCompany = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FeeCents = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentOptions", x => new { x.PaymentId, x.Index });
                    table.ForeignKey(
                        name: "FK_PaymentOptions_Payments_PaymentId",
                        column: x => x.PaymentId,
                        principalTable: "Payments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentBatches_CompletedAt_CreatedAt",
                table: "PaymentBatches",
                columns: new[] { "CompletedAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentOptions_Tenant_DueDate",
                table: "PaymentOptions",
                columns: new[] { "Tenant", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentOptions_Tenant_Iuv",
                table: "PaymentOptions",
                columns: new[] { "Tenant", "Iuv" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Payments_BatchId_Status_BatchIndex",
                table: "Payments",
                columns: new[] { "BatchId", "Status", "BatchIndex" });

            migrationBuilder.CreateIndex(
                name: "IX_Payments_Status_UpdatedAt",
                table: "Payments",
                columns: new[] { "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Payments_Tenant_CreatedAt",
                table: "Payments",
                columns: new[] { "Tenant", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Payments_Tenant_DebtorFiscalCode",
                table: "Payments",
                columns: new[] { "Tenant", "DebtorFiscalCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Payments_Tenant_Iupd",
                table: "Payments",
                columns: new[] { "Tenant", "Iupd" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PaymentBatchErrors");

            migrationBuilder.DropTable(
                name: "PaymentOptions");

            migrationBuilder.DropTable(
                name: "PaymentBatches");

            migrationBuilder.DropTable(
                name: "Payments");
        }
    }
}
