using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using ResearchPortal.Domain.Common;

namespace ResearchPortal.Web.Infrastructure;

/// <summary>
/// Every date a form binds (filing dates, activities, spot checks, calendar days, deadlines) must lie in the years
/// <see cref="DateRange.IsPlausible"/> accepts, so a slip like 0001-01-03 is refused in Chinese at its field instead of
/// being stored and breaking every working-day count made from it.
/// </summary>
public sealed class PlausibleDates : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Key.ModelType) ?? context.Key.ModelType;
        if (type == typeof(DateOnly) && context.Key.MetadataKind == ModelMetadataKind.Property)
        {
            context.ValidationMetadata.ValidatorMetadata.Add(new PlausibleDateAttribute());
        }
    }

    private sealed class PlausibleDateAttribute : ValidationAttribute
    {
        public PlausibleDateAttribute() => ErrorMessage = $"{{0}}须在 {DateRange.EarliestYear} 年至 {DateRange.LatestYear} 年之间。";

        public override bool IsValid(object? value) => value is not DateOnly date || DateRange.IsPlausible(date);
    }
}
