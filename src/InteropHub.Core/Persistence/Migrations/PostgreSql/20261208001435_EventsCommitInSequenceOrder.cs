using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InteropHub.Core.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class EventsCommitInSequenceOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Any insert into Events takes the hub's write lock before its statement numbers a row and keeps it until
            // commit, so events commit in sequence order and a consumer reading after its cursor never passes one
            // still in flight (a statement trigger fires before the rows, and so nextval, are produced).
            migrationBuilder.Sql($"""
                CREATE FUNCTION "Events_take_write_lock"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_advisory_xact_lock({HubSql.WriteLockKey});
                    RETURN NULL;
                END
                $$;
                CREATE TRIGGER "Events_commit_in_sequence_order" BEFORE INSERT ON "Events"
                    FOR EACH STATEMENT EXECUTE FUNCTION "Events_take_write_lock"();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "Events_commit_in_sequence_order" ON "Events";
                DROP FUNCTION "Events_take_write_lock"();
                """);
        }
    }
}
