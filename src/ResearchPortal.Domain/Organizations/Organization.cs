using ResearchPortal.Domain.Common;

namespace ResearchPortal.Domain.Organizations;

/// <summary>A unit that applies for (申报单位) and/or hosts (承办单位) projects. Name uniqueness is the database's job.</summary>
public sealed class Organization
{
    public const int NameMaxLength = 100;
    public const int CityMaxLength = 50;

    private Organization()
    {
        Name = string.Empty;
        City = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public string City { get; private set; }

    public static Result<Organization> Create(string name, string city)
    {
        var organization = new Organization { Id = Guid.CreateVersion7() };
        return organization.Update(name, city).WithValue(organization);
    }

    public Result Update(string name, string city)
    {
        return new ErrorCollector()
            .RequiredWithin(name, NameMaxLength, nameof(Name), "单位名称")
            .RequiredWithin(city, CityMaxLength, nameof(City), "所在城市")
            .Apply(() =>
            {
                Name = name.Trim();
                City = city.Trim();
            });
    }
}
