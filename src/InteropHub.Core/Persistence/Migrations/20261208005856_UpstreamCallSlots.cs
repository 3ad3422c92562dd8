using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InteropHub.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class UpstreamCallSlots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "UpstreamCallSlots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Limit = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FreesAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Ended = table.Column<bool>(type: "INTEGER", nullable: false)
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
