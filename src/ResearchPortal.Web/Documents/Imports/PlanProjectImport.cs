using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Organizations;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Documents.Xlsx;

namespace ResearchPortal.Web.Documents.Imports;

/// <summary>
/// Adds the projects of an Annex 1 list to a plan year, all or nothing. Units are matched by exact name; a unit not
/// yet registered is created with the row's 所在市 (an optional column, required only on rows that create a unit;
/// both units of such a row get that city). Project numbers must be new to the file and to the year.
/// </summary>
public sealed class PlanProjectImport(PortalDbContext db, AuditLog audit)
{
    public const string ProjectNumber = "项目编号";
    public const string Name = "项目名称";
    public const string Field = "专业领域";
    public const string Applicant = "申报单位";
    public const string Host = "承办单位";
    public const string City = "所在市";

    public static readonly IReadOnlyList<XlsxColumn> TemplateColumns =
        [new(ProjectNumber), new(Name), new(Field), new(Applicant), new(Host), new(City)];

    private static readonly IReadOnlyList<string> RequiredColumns = [ProjectNumber, Name, Field, Applicant, Host];

    private static readonly IReadOnlyDictionary<string, string> ColumnByDomainField = new Dictionary<string, string>
    {
        [nameof(PlanProject.ProjectNumber)] = ProjectNumber,
        [nameof(PlanProject.Name)] = Name,
        [nameof(PlanProject.Field)] = Field,
        [nameof(PlanProject.ApplicantOrganizationId)] = Applicant,
        [nameof(PlanProject.HostOrganizationId)] = Host,
    };

    public async Task<ImportResult> ImportAsync(PlanYear year, Stream file, Actor actor, CancellationToken cancellationToken = default)
    {
        var read = await ImportSheet.ReadAsync(file, RequiredColumns, [City], cancellationToken);
        if (read.IsFailure)
        {
            return ImportResult.RefusedFile(read.Errors[0].Message);
        }

        var sheet = read.Value;
        var units = new UnitDirectory(await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Name, cancellationToken));
        var numbersInYear = (await db.PlanProjects.AsNoTracking()
            .Where(p => p.Year == year.Year)
            .Select(p => p.ProjectNumber)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var rowByNumber = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new RowProblems(ColumnByDomainField);
        var projects = new List<PlanProject>();
        foreach (var row in sheet.Rows)
        {
            var number = sheet.Cell(row, ProjectNumber);
            if (numbersInYear.Contains(number))
            {
                problems.Add(row.Number, ProjectNumber, $"项目编号“{number}”在 {year.Year} 年度已存在。");
            }
            else if (number.Length > 0 && !rowByNumber.TryAdd(number, row.Number))
            {
                problems.Add(row.Number, ProjectNumber, $"与第 {rowByNumber[number]} 行的项目编号重复。");
            }

            var city = sheet.Cell(row, City);
            var applicant = units.Resolve(sheet.Cell(row, Applicant), city, row.Number, Applicant, problems);
            var host = units.Resolve(sheet.Cell(row, Host), city, row.Number, Host, problems);
            var project = PlanProject.Create(
                year.Year, number, sheet.Cell(row, Name), sheet.Cell(row, Field), applicant?.Id ?? Guid.Empty, host?.Id ?? Guid.Empty);
            problems.Add(row.Number, project);
            if (project.IsSuccess)
            {
                projects.Add(project.Value);
            }
        }

        if (problems.Any)
        {
            return problems.ToRefusal();
        }

        db.Organizations.AddRange(units.Created);
        db.PlanProjects.AddRange(projects);
        audit.Record(actor, AuditActions.PlanProjectsImported, AuditSubjects.PlanYear(year.Year), details: $"导入 {projects.Count} 个项目，新建 {units.Created.Count} 个单位");
        return await ImportStore.SaveAsync(db, projects.Count, cancellationToken);
    }

    /// <summary>Registered units by name, plus those this file creates (and the row that created each).</summary>
    private sealed class UnitDirectory(Dictionary<string, Organization> registered)
    {
        private readonly Dictionary<string, (Organization Unit, int Row)> _created = new(StringComparer.Ordinal);

        public List<Organization> Created => [.. _created.Values.Select(c => c.Unit)];

        public Organization? Resolve(string name, string city, int row, string column, RowProblems problems)
        {
            if (name.Length == 0)
            {
                problems.Add(row, column, $"请填写{column}。");
                return null;
            }

            if (registered.TryGetValue(name, out var unit))
            {
                return unit;
            }

            if (_created.TryGetValue(name, out var created))
            {
                if (city.Length > 0 && city != created.Unit.City)
                {
                    problems.Add(row, City, $"单位“{name}”在第 {created.Row} 行的所在市为“{created.Unit.City}”，与本行不一致。");
                }

                return created.Unit;
            }

            if (city.Length == 0)
            {
                problems.Add(row, column, $"单位“{name}”尚未登记。请在“{City}”列填写其所在城市，导入时将一并创建该单位。");
                return null;
            }

            var result = Organization.Create(name, city);
            if (result.IsFailure)
            {
                // The unit's Name errors belong to the column that named it.
                foreach (var error in result.Errors)
                {
                    problems.Add(row, error.Field == nameof(Organization.City) ? City : column, error.Message);
                }

                return null;
            }

            _created.Add(name, (result.Value, row));
            return result.Value;
        }
    }
}
