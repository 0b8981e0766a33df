using Microsoft.AspNetCore.Mvc.ModelBinding;
using ResearchPortal.Domain.Common;

namespace ResearchPortal.Web.Infrastructure;

public static class ModelStateExtensions
{
    /// <summary>
    /// Shows each domain error next to the input it concerns: <c>Error.Field</c> names the domain property,
    /// which the page's input model mirrors under <paramref name="prefix"/>. Errors without a field go to the summary.
    /// </summary>
    public static void AddDomainErrors(this ModelStateDictionary modelState, Result result, string prefix = "Input")
    {
        foreach (var error in result.Errors)
        {
            var key = error.Field is null ? string.Empty : $"{prefix}.{error.Field}";
            modelState.AddModelError(key, error.Message);
        }
    }
}
