using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ResearchPortal.Web.Data;

/// <summary>
/// A fixed-shape query read on (almost) every request, compiled by EF once per model: a LINQ query otherwise has its
/// expression tree walked for parameters, hashed and compared to find its compiled form on every execution (README
/// "Page benchmark", item 18). EF ties a compiled query to the model it first ran against and throws
/// <c>CompiledQueryDifferentModel</c> for any other, and a process may hold several models (PostgreSQL and SQLite
/// portals side by side, as in the tests), so each model gets its own compiled copy of the one definition.
/// </summary>
/// <param name="compile">Compiles the query (<c>EF.CompileAsyncQuery</c>); called once per model.</param>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = new();

    /// <remarks>Looked up first, so the usual call allocates no factory delegate.</remarks>
    public TQuery For(DbContext db) => _byModel.TryGetValue(db.Model, out var query) ? query : _byModel.GetValue(db.Model, _ => compile());
}
