using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InteropHub.Core.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class UpstreamCallSlotsPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "UpstreamCallSlots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Limit = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FreesAt = table.Column<long>(type: "bigint", nullable: false),
                    Ended = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UpstreamCallSlots", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UpstreamCallSlots_Limit_Key_FreesAt",
                table: "UpstreamCallSlots",
                columns: new[] { "Limit", "Key", "FreesAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UpstreamCallSlots");
        }
    }
}
