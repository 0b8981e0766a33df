using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchPortal.Web.Authorization;

namespace ResearchPortal.Web.Tests.Authorization;

/// <summary>
/// One authorization idiom (docs/PAGES.md): every page model says who may open it with a named policy of
/// <see cref="PortalPolicies"/> or says <c>[AllowAnonymous]</c>, on itself or a base class; no <c>Roles = "…"</c>,
/// no bare <c>[Authorize]</c>. Reflection only, so it needs no host.
/// </summary>
public sealed class PagePolicyTests
{
    private static readonly IReadOnlyList<Type> PageModels = typeof(PortalPolicies).Assembly.GetTypes()
        .Where(type => type.IsSubclassOf(typeof(PageModel)) && !type.IsAbstract)
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .ToList();

    private static readonly HashSet<string> DeclaredPolicies = typeof(PortalPolicies)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Every_page_model_names_a_policy_or_allows_anonymous()
    {
        var problems = PageModels
            .Select(type => (Type: type, Problem: ProblemOf(type)))
            .Where(x => x.Problem is not null)
            .Select(x => $"{x.Type.FullName}: {x.Problem}")
            .ToList();

        Assert.True(problems.Count == 0,
            "Page models without exactly one [Authorize(Policy = PortalPolicies.X)] or [AllowAnonymous]:\n" + string.Join('\n', problems));
        Assert.Contains(PageModels, type => type.FullName == "ResearchPortal.Web.Pages.Filings.EditModel"); // the discovery itself works
    }

    private static string? ProblemOf(Type pageModel)
    {
        var authorize = pageModel.GetCustomAttributes<AuthorizeAttribute>(inherit: true).ToList();
        var anonymous = pageModel.IsDefined(typeof(AllowAnonymousAttribute), inherit: true);
        return (authorize, anonymous) switch
        {
            ([], false) => "neither a policy nor [AllowAnonymous]",
            ([_, ..], true) => "both [Authorize] and [AllowAnonymous]",
            ([_, _, ..], _) => "more than one [Authorize]",
            ([{ Roles: not null }], _) => "Roles = \"…\" instead of a policy",
            ([{ Policy: null }], _) => "bare [Authorize] without a policy",
            ([{ Policy: { } policy }], _) when !DeclaredPolicies.Contains(policy) => $"policy \"{policy}\" is not a PortalPolicies constant",
            _ => null,
        };
    }
}
