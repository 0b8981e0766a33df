namespace ResearchPortal.Web.Data;

/// <summary>
/// How many plan projects a plan year holds, kept by the database itself: triggers on <c>PlanProjects</c> (migration
/// <c>ProjectTallies</c>, one per provider) count every insert, delete and change of year in the same transaction, so
/// the reviewer's unfiltered project list counts its pages without reading every project. The portal never writes
/// these rows.
/// </summary>
public sealed class ProjectTally
{
    public int Year { get; private set; }

    public int Count { get; private set; }
}
