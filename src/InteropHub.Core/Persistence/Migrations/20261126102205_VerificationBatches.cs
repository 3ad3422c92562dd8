using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InteropHub.Core.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class VerificationBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VerificationBatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tenant = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OperatorId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Checks = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ComuneIstatCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    ReferenceDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HeldUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    HeldReason = table.Column<string>(type: "TEXT", nullable: true),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Verified = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerificationBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VerificationItems",
                columns: table => new
                {
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    FiscalCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IdentityJson = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ResultsJson = table.Column<string>(type: "TEXT", nullable: true),
                    ProblemCode = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ProblemDetail = table.Column<string>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerificationItems", x => new { x.BatchId, x.Index });
                    table.ForeignKey(
                        name: "FK_VerificationItems_VerificationBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "VerificationBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationBatches_CompletedAt",
                table: "VerificationBatches",
                column: "CompletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_VerificationBatches_Tenant",
                table: "VerificationBatches",
                column: "Tenant");

            migrationBuilder.CreateIndex(
                name: "IX_VerificationItems_Status_BatchId_Index",
                table: "VerificationItems",
                columns: new[] { "Status", "BatchId", "Index" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VerificationItems");

            migrationBuilder.DropTable(
                name: "VerificationBatches");
        }
    }
}
