using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Projects;
using ResearchPortal.Web.Infrastructure.Listing;

namespace ResearchPortal.Web.Data;

/// <summary>
/// A project as lists, dashboards and statistics read it: its plan line, both units and the few columns its progress
/// depends on — never whole filings or close-outs. A row of the view <c>ProjectListItems</c>.
/// </summary>
public sealed class ProjectListItem
{
    public Guid Id { get; init; }

    public int Year { get; init; }

    public string ProjectNumber { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public string Field { get; init; } = string.Empty;

    public Guid HostOrganizationId { get; init; }

    public string HostName { get; init; } = string.Empty;

    /// <summary>The host unit's city, where the class is held.</summary>
    public string HostCity { get; init; } = string.Empty;

    public Guid ApplicantOrganizationId { get; init; }

    public string ApplicantName { get; init; } = string.Empty;

    public FilingStatus? FilingStatus { get; init; }

    public DateOnly? StartDate { get; init; }

    public DateOnly? EndDate { get; init; }

    public CloseOutStatus? CloseOutStatus { get; init; }

    public ProgressFacts Facts => new(FilingStatus, StartDate, EndDate, CloseOutStatus);
}

public static class ProjectListQueries
{
    private static SortedOnDay? _sorted;

    /// <summary>
    /// Every plan project as a <see cref="ProjectListItem"/>, from the view (see
    /// <see cref="Configurations.ProjectListItemConfiguration"/>). Every project has both units, yet the view joins them
    /// as left joins: PostgreSQL leaves out a left join on a unique key whose columns a query does not use, so a list's
    /// count reads the projects alone.
    /// </summary>
    public static IQueryable<ProjectListItem> ProjectListItems(this PortalDbContext db) => db.Set<ProjectListItem>().AsNoTracking();

    /// <summary><see cref="ProjectProgress.StatusRule"/> over a row on <paramref name="today"/>, for SQL to filter, sort or group by.</summary>
    public static Expression<Func<ProjectListItem, ProjectStatus>> StatusOn(DateOnly today)
    {
        var rule = ProjectProgress.StatusRule;
        var row = Expression.Parameter(typeof(ProjectListItem), "row");
        Expression Column(string name) => Expression.Property(row, name);
        var body = ReplacingExpressionVisitor.Replace(
            rule.Parameters,
            [Column(nameof(ProjectListItem.FilingStatus)), Column(nameof(ProjectListItem.StartDate)), Column(nameof(ProjectListItem.EndDate)),
                Column(nameof(ProjectListItem.CloseOutStatus)), Expression.Constant(today)],
            rule.Body);
        return Expression.Lambda<Func<ProjectListItem, ProjectStatus>>(body, row);
    }

    /// <summary>
    /// The list's filters, each skipped when null: plan year, host city, status on <paramref name="today"/> and a
    /// lower-cased search text matched against number, name and both units' names.
    /// </summary>
    public static IQueryable<ProjectListItem> Filter(
        IQueryable<ProjectListItem> rows, int? year, string? city, ProjectStatus? status, DateOnly today, string? searchLower)
    {
        if (year is { } planYear)
        {
            rows = rows.Where(row => row.Year == planYear);
        }

        if (!string.IsNullOrWhiteSpace(city))
        {
            rows = rows.Where(row => row.HostCity == city);
        }

        if (status is { } wanted)
        {
            rows = rows.WhereStatus(wanted, today);
        }

        if (searchLower is not null)
        {
            rows = rows.Where(row => row.ProjectNumber.ToLower().Contains(searchLower) || row.Name.ToLower().Contains(searchLower)
                || row.HostName.ToLower().Contains(searchLower) || row.ApplicantName.ToLower().Contains(searchLower));
        }

        return rows;
    }

    /// <summary>Whether <see cref="Filter"/> with these values narrows the list by the plan year alone, if at all (so a
    /// tally by year can give its size).</summary>
    public static bool FiltersByYearAlone(string? city, ProjectStatus? status, string? searchLower) =>
        string.IsNullOrWhiteSpace(city) && status is null && searchLower is null;

    /// <summary>
    /// The columns the project list sorts by. The default is the plan's own order, newest year first and by number
    /// within it (the plan_projects (Year, ProjectNumber) index); the next deadline is worked out from the calendar in
    /// C#, so it cannot order a page in SQL.
    /// </summary>
    public static SortOrder<ProjectListItem> Sorted(DateOnly today)
    {
        // Built once a day (the status column depends on the day), not with its expression trees on every request.
        if (_sorted is { } built && built.Today == today)
        {
            return built.Order;
        }

        var order = SortedOn(today);
        _sorted = new(today, order);
        return order;
    }

    private static SortOrder<ProjectListItem> SortedOn(DateOnly today) =>
        new SortOrder<ProjectListItem>("-year", row => row.Id)
            .By("year", row => row.Year, row => row.ProjectNumber)
            .By("number", row => row.ProjectNumber, row => row.Year)
            .By("name", row => row.Name)
            .By("host", row => row.HostName)
            .By("city", row => row.HostCity, row => row.HostName)
            .By("status", StatusOn(today), row => row.StartDate);

    /// <summary>The rows whose status on <paramref name="today"/> is <paramref name="status"/>, decided in SQL.</summary>
    public static IQueryable<ProjectListItem> WhereStatus(this IQueryable<ProjectListItem> rows, ProjectStatus status, DateOnly today)
    {
        var statusOf = StatusOn(today);
        var matches = Expression.Lambda<Func<ProjectListItem, bool>>(
            Expression.Equal(statusOf.Body, Expression.Constant(status)), statusOf.Parameters);
        return rows.Where(matches);
    }

    private sealed record SortedOnDay(DateOnly Today, SortOrder<ProjectListItem> Order);
}
