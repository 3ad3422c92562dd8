using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InteropHub.Core.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class WebhookDeliveryLeaseTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "LeaseToken",
                table: "WebhookDeliveries",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LeaseToken",
                table: "WebhookDeliveries");
        }
    }
}
