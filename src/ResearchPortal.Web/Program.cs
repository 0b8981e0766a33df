using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Authorization.Throttling;
using ResearchPortal.Web.Commands;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Documents.Forms;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Infrastructure.Mail;
using ResearchPortal.Web.Infrastructure.Observability;
using ResearchPortal.Web.Infrastructure.Uploads;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(PinnedDateTimeProvider.FromConfiguration(builder.Configuration, builder.Environment));
builder.Services.AddSingleton<PortalClock>();
builder.Services.AddPortalData(builder.Configuration, builder.Environment);
builder.Services.AddPortalIdentity();
builder.Services.AddPortalAuthorization();
builder.Services.AddPortalLinks(builder.Configuration);
builder.Services.AddReverseProxySupport(builder.Configuration, builder.Environment);
builder.Services.AddPortalMail(builder.Configuration);
builder.Services.AddPortalMetrics(builder.Configuration);
builder.Services.AddPortalTracing(builder.Configuration);
builder.Services.AddPortalDocuments(builder.Configuration);
builder.Services.AddCertificateVerificationRateLimit();
builder.Services.AddAccountFormRateLimit();
builder.Services.AddPortalSecurity(builder.Environment);
builder.Services.AddPublicPageCache(builder.Configuration);
builder.Services
    .AddRazorPages(options =>
    {
        // Defence in depth: the reviewer folders are closed even if a page forgets its attribute.
        options.Conventions.AuthorizeFolder("/Review", PortalPolicies.Reviewer);
        options.Conventions.AuthorizeFolder("/Admin", PortalPolicies.Reviewer);
        options.Conventions.AddPageApplicationModelConvention("/Verify/Index", CertificateVerificationRateLimit.Apply);
        AccountFormRateLimit.Apply(options.Conventions);
        options.Conventions.AddPageApplicationModelConvention("/Seminars/Index", PublicPageCache.Apply);
    })
    .AddMvcOptions(options =>
    {
        ChineseModelBindingMessages.Apply(options);
        options.ModelMetadataDetailsProviders.Add(new PlausibleDates());
        options.ModelMetadataDetailsProviders.Add(new ChineseValidationMessages());
        // Only an explicit [Required] (with its Chinese message) makes a field mandatory: an implicit one on a
        // non-nullable hidden field failed with an English message no field shows.
        options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        options.Filters.Add<UnknownHandlerFilter>();
        options.Filters.Add<ExportAuditFilter>();
        options.Filters.Add<AntiforgeryFailureFilter>();
        options.Filters.Add<PasswordChangeRequired>();
    });

builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Limits.MaxRequestBodySize = RequestBodyLimit.MaxBytes;
    kestrel.AddServerHeader = false; // says nothing about what runs here
});

// One JSON object per line; the scopes give each line its request's TraceId and SpanId. No personal data in messages.
builder.Logging.AddJsonConsole(options =>
{
    options.IncludeScopes = true;
    options.UseUtcTimestamp = true;
    options.TimestampFormat = "O";
    options.JsonWriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }; // Chinese stays readable
});

// Render Chinese as characters rather than &#x…; entities.
builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

var app = builder.Build();

// Every setting is checked before the database is touched; a wrong one stops here, named in Chinese.
app.Services.GetRequiredService<IStartupValidator>().Validate();
if (MigrateCommand.IsRequested(args))
{
    return await MigrateCommand.RunAsync(app.Services, Console.Out, Console.Error);
}

if (app.Services.GetRequiredService<IOptions<DatabaseStartupOptions>>().Value.MigrateOnStartup)
{
    await app.Services.InitializePortalDatabaseAsync();
}

if (CreateReviewerCommand.IsRequested(args))
{
    return await CreateReviewerCommand.RunAsync(app.Services, args, Console.In, Console.Out);
}

var chinese = new CultureInfo("zh-CN");
CultureInfo.DefaultThreadCurrentCulture = chinese;
CultureInfo.DefaultThreadCurrentUICulture = chinese;

// Before the forwarded headers: a scraper is judged by its own connection, never by an address a proxy passed on.
app.UsePortalMetrics();

// Next, so HTTPS redirection, the rate limits, logs and audit see the client's address and scheme, not the proxy's.
app.UseForwardedHeaders();
app.UsePortalSecurity();

// Users see a Chinese page with a way back for every failure, in every environment (the log keeps the details);
// a busy database (timeout, no free pooled connection) answers 503 "请稍后重试" rather than 500 (Pages/Error).
// A fresh scope for the error page: the failed request's sign-in check and DbContext may hold the failure itself.
app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error", CreateScopeForErrors = true });

app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
app.UseRequestBodyLimit();

app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseOutputCache(); // after authentication: the public-list policy serves only anonymous visitors

// Liveness answers without the database (a restart would not help a database outage); readiness checks it.
app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/healthz/ready");
app.MapHealthChecks("/healthz");
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();

await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
