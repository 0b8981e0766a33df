using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ResearchPortal.Web.Data.Configurations;

/// <summary>
/// Lists read projects from the database view <c>ProjectListItems</c> (migration <c>ProjectListView</c>): the plan
/// line with both units, the filing's status and dates and the close-out's status, joined in SQL. Written as LINQ
/// joins, the same query made EF walk, hash and compare a tree of four joins on every request before finding its
/// compiled form; the view is one small root. Change the view in a migration when a column it reads changes.
/// </summary>
internal sealed class ProjectListItemConfiguration : IEntityTypeConfiguration<ProjectListItem>
{
    public void Configure(EntityTypeBuilder<ProjectListItem> builder)
    {
        builder.HasNoKey();
        builder.ToView("ProjectListItems");
        builder.Ignore(item => item.Facts);
    }
}
