using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InteropHub.Core.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class Reconciliation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReconciliationAnomalies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Tenant = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReportingFlowId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FlowId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PspId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LineIndex = table.Column<int>(type: "INTEGER", nullable: true),
                    Iuv = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Iur = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PaymentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Detail = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ResolvedNote = table.Column<string>(type: "TEXT", nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconciliationAnomalies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportingFlows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tenant = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FlowId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PspId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FlowDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Regulation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegulationDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PspName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReceiverId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TotalPayments = table.Column<int>(type: "INTEGER", nullable: false),
                    SumCents = table.Column<long>(type: "INTEGER", nullable: false),
                    Superseded = table.Column<bool>(type: "INTEGER", nullable: false),
                    Checked = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportingFlows", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportingFlowLines",
                columns: table => new
                {
                    ReportingFlowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    Tenant = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Iuv = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Iur = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TransferIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountCents = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PayDate = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PaymentId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportingFlowLines", x => new { x.ReportingFlowId, x.Index });
                    table.ForeignKey(
                        name: "FK_ReportingFlowLines_ReportingFlows_ReportingFlowId",
                        column: x => x.ReportingFlowId,
                        principalTable: "ReportingFlows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReconciliationAnomalies_Tenant_CreatedAt",
                table: "ReconciliationAnomalies",
                columns: new[] { "Tenant", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReconciliationAnomalies_Tenant_Key",
                table: "ReconciliationAnomalies",
                columns: new[] { "Tenant", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReconciliationAnomalies_Tenant_ReportingFlowId",
                table: "ReconciliationAnomalies",
                columns: new[] { "Tenant", "ReportingFlowId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReconciliationAnomalies_Tenant_Status_Code",
                table: "ReconciliationAnomalies",
                columns: new[] { "Tenant", "Status", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportingFlowLines_Tenant_Iuv",
                table: "ReportingFlowLines",
                columns: new[] { "Tenant", "Iuv" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportingFlows_Tenant_FlowId_PspId_Revision",
                table: "ReportingFlows",
                columns: new[] { "Tenant", "FlowId", "PspId", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportingFlows_Tenant_RegulationDate",
                table: "ReportingFlows",
                columns: new[] { "Tenant", "RegulationDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReconciliationAnomalies");

            migrationBuilder.DropTable(
                name: "ReportingFlowLines");

            migrationBuilder.DropTable(
                name: "ReportingFlows");
        }
    }
}
