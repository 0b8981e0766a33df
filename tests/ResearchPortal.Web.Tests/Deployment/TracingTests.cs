using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Infrastructure.Mail;
using ResearchPortal.Web.Infrastructure.Observability;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Deployment;

/// <summary>With an OTLP endpoint set, a request's trace holds its Npgsql commands, and each outbox attempt is a span.</summary>
public sealed class TracingTests
{
    [Fact]
    public async Task A_request_and_its_database_commands_share_a_trace_and_each_mail_attempt_is_a_span()
    {
        await using var app = new PortalApp
        {
            // Nothing listens there: the OTLP exporter's failures stay inside it; the spans are read from memory.
            Settings = new Dictionary<string, string> { [PortalTracing.EndpointSetting] = "http://127.0.0.1:9" },
        };
        await app.InitializeAsync();
        var spans = new ConcurrentSpans();
        await using var traced = app.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans))));
        using var client = new PortalClient(traced.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        client.Http.DefaultRequestHeaders.Add(ClientAddressHeader.Name, PortalApp.NextAddress());

        // The trace is chosen here (W3C traceparent): other tests' hosts in this process are traced by the same listeners.
        var trace = ActivityTraceId.CreateRandom();
        client.Http.DefaultRequestHeaders.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = $"nobody-{Guid.NewGuid():N}@test.local", ["Input.Password"] = "Wrong-Passw0rd" });
        var mail = new OutboxMail("trace@test.local", "学员", "追踪测试", "正文", app.Services.GetRequiredService<PortalClock>().Now);
        await using (var db = app.NewContext())
        {
            db.OutboxMails.Add(mail);
            await db.SaveChangesAsync();
        }

        await using (var scope = traced.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendDueAsync(waitForOtherSender: true));
        }

        var finished = spans.Snapshot();
        Assert.Contains(finished, span => span.TraceId == trace && span.Kind == ActivityKind.Server && span.DisplayName == "POST Account/Login");
        Assert.Contains(finished, span => span.TraceId == trace && span.Source.Name == "Npgsql");
        var attempt = Assert.Single(finished, span => span.Source.Name == OutboxSender.Activities.Name && Equals(span.GetTagItem("portal.mail.id"), mail.Id));
        Assert.Contains(finished, span => span.Source.Name == "Npgsql" && span.ParentSpanId == attempt.SpanId); // the attempt's save
    }

    /// <summary>The in-memory exporter adds each span on the thread that ends it, and other hosts in the process end
    /// theirs meanwhile: a plain list could be read mid-resize ("Destination array was not long enough").</summary>
    private sealed class ConcurrentSpans : ICollection<Activity>
    {
        private readonly ConcurrentQueue<Activity> _spans = new();

        public int Count => _spans.Count;

        /// <summary>The spans so far, read at one instant (a copy sized by <see cref="Count"/> could be outgrown).</summary>
        public Activity[] Snapshot() => _spans.ToArray();

        public bool IsReadOnly => false;

        public void Add(Activity item) => _spans.Enqueue(item);

        public void Clear() => _spans.Clear();

        public bool Contains(Activity item) => _spans.Contains(item);

        public void CopyTo(Activity[] array, int arrayIndex) => Snapshot().CopyTo(array, arrayIndex);

        public bool Remove(Activity item) => throw new NotSupportedException("Spans are only added.");

        public IEnumerator<Activity> GetEnumerator() => _spans.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
