using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Komdir.Cms.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EditorKeep_WorkingCopies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cms_working_copy",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NodeKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    BasedOnVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    UrlSegment = table.Column<string>(type: "TEXT", nullable: false),
                    InputsJson = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cms_working_copy", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cms_working_copy_NodeKey_Owner",
                table: "cms_working_copy",
                columns: new[] { "NodeKey", "Owner" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cms_working_copy");
        }
    }
}
