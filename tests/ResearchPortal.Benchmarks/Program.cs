using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ResearchPortal.Benchmarks;
using ResearchPortal.Benchmarks.PageLoad;

// `pages`: the page benchmark with wrk (PageLoad/PageBenchmark; it seeds through `pages-seed`); anything else goes to BenchmarkDotNet.
if (args is ["pages", .. var pageArgs])
{
    return await PageBenchmark.RunAsync(pageArgs);
}

if (args is ["pages-seed", var connectionString])
{
    return await PageBenchmark.SeedAsync(connectionString);
}

// Short runs in this process: the 2-core machine would otherwise spend minutes rebuilding a copy of the portal per
// benchmark, and the PostgreSQL server started for the import benchmark lives as long as this process.
var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .AddDiagnoser(MemoryDiagnoser.Default);
BenchmarkSwitcher.FromAssembly(typeof(RosterXlsxBenchmark).Assembly).Run(args, config);
return 0;
