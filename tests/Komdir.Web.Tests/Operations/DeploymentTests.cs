using System.Diagnostics;
using Komdir.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.Operations;

/// <summary>
/// Issue #16.4: the container image and the systemd unit in deploy/. No image is built here (the machine has no
/// access to a container registry for the base images, see docs/operations.md); what can be checked is checked:
/// the unit with systemd-analyze, the image's health check command against a real server, and the image's rules.
/// </summary>
public sealed class DeploymentTests
{
    private static string Deploy(string file) => Path.Combine(RepositoryPaths.Root, "deploy", file);

    [Fact]
    public async Task Systemd_unit_passes_systemd_analyze_verify_without_a_warning()
    {
        if (!File.Exists("/usr/bin/systemd-analyze"))
        {
            Assert.Fail("systemd-analyze is not installed (apt-get install systemd)");
        }

        var (exitCode, output) = await RunAsync("/usr/bin/systemd-analyze", "verify", Deploy("komdir.service"));

        Assert.True(exitCode == 0 && output.Length == 0, $"systemd-analyze verify: exit {exitCode}: {output}");
    }

    [Fact]
    public void Systemd_unit_runs_unprivileged_with_its_data_in_the_state_directory()
    {
        var unit = File.ReadAllLines(Deploy("komdir.service")).Select(l => l.Trim()).ToHashSet();

        Assert.Contains("DynamicUser=yes", unit);
        Assert.Contains("ProtectSystem=strict", unit);
        Assert.Contains("NoNewPrivileges=yes", unit);
        Assert.Contains("StateDirectory=komdir", unit);
        Assert.Contains("Environment=Data__Folder=/var/lib/komdir", unit);
        Assert.Contains("Environment=ASPNETCORE_ENVIRONMENT=Production", unit);
    }

    [Fact]
    public void Containerfile_runs_as_a_non_root_user_with_its_data_in_one_volume_and_a_health_check()
    {
        var lines = File.ReadAllLines(Deploy("Containerfile")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var runtimeStage = lines.SkipWhile(l => !l.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(runtimeStage);
        var user = Assert.Single(runtimeStage, l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.DoesNotContain(user["USER ".Length..].Trim(), new[] { "root", "0", "0:0" });
        Assert.Contains(runtimeStage, l => l.Contains("Data__Folder=/data", StringComparison.Ordinal));
        Assert.Contains("VOLUME /data", runtimeStage);
        Assert.Contains(runtimeStage, l => l.Contains("\"health\", \"probe\"", StringComparison.Ordinal) && l.Contains("/healthz/ready", StringComparison.Ordinal));
        Assert.Contains(runtimeStage, l => l.StartsWith("HEALTHCHECK", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_probe_command_exits_0_for_a_ready_site_and_1_otherwise()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var server = builder.Build();
        var ready = true;
        server.MapGet("/healthz/ready", () => ready ? Results.Ok() : Results.StatusCode(503));
        await server.StartAsync();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var (whenReady, _) = await ProbeAsync($"{address}/healthz/ready");
        ready = false;
        var (whenNotReady, _) = await ProbeAsync($"{address}/healthz/ready");
        await server.StopAsync();
        var (whenDown, _) = await ProbeAsync($"{address}/healthz/ready");

        Assert.Equal(0, whenReady);
        Assert.Equal(1, whenNotReady);
        Assert.Equal(1, whenDown);
    }

    private static Task<(int ExitCode, string Output)> ProbeAsync(string url) =>
        RunAsync("dotnet", Path.Combine(AppContext.BaseDirectory, "Komdir.Web.dll"), "health", "probe", "--url", url);

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The probe builds the site's services: give it a throwaway data folder and a non-Production environment.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Data__Folder"] = Path.Combine(Path.GetTempPath(), "komdir-probe-data");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output + await errors).Trim());
    }
}
