using System.Diagnostics;
using System.Security.Cryptography;
using Komdir.Web.BrowserTests.Infrastructure;

namespace Komdir.Web.BrowserTests.DeliveryClient;

/// <summary>
/// A real headless front end's calls: a TypeScript client generated from Umbraco's own contract (openapi-typescript
/// + openapi-fetch, pinned in DeliveryClient/package-lock.json), type-checked with tsc and run with node's test
/// runner against the site on Kestrel at a free loopback port. Fails on any failing call (a non-zero exit).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DeliveryClientTests
{
    [Fact]
    public async Task A_client_generated_from_Umbracos_contract_reads_the_site()
    {
        var folder = Path.Combine(RepositoryPaths.BrowserTestsFolder, "DeliveryClient");
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules")), "Run npm ci in tests/Komdir.Web.BrowserTests/DeliveryClient first (.ci/run does).");
        var previewKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        // The site reads its configuration from the environment when it starts; the collection runs one test at a time.
        Environment.SetEnvironmentVariable("DeliveryApi__PreviewApiKey", previewKey);
        try
        {
            using var site = new KestrelSiteFactory();
            site.Start();

            var start = new ProcessStartInfo("npm", "test")
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["KOMDIR_SITE"] = site.BaseAddress.ToString();
            start.Environment["KOMDIR_PREVIEW_KEY"] = previewKey;
            using var node = Process.Start(start)!;
            var output = node.StandardOutput.ReadToEndAsync();
            var errors = node.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await node.WaitForExitAsync(timeout.Token);

            var log = await output + await errors;
            Assert.True(node.ExitCode == 0, "node --test failed:\n" + log);
            Assert.Contains("# fail 0", log);
            Assert.DoesNotContain("# pass 0", log);
        }
        finally
        {
            Environment.SetEnvironmentVariable("DeliveryApi__PreviewApiKey", null);
        }
    }
}
