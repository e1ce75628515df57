using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;

namespace Yilian.BrowserTests;

/// <summary>
/// Starts Yilian the way a person does — the README's <c>./run.sh</c>, and a <c>dotnet publish</c> output as a
/// district deploys it — as a separate process, not inside WebApplicationFactory, and loads pages in Chromium.
/// Any resource a page references that does not answer 2xx/3xx, any console error, or an unstyled page fails it.
/// </summary>
public sealed class RealHostTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(12);

    [Fact]
    public async Task RunScript_FreshDataDirectory_ServesEveryPageStyled()
    {
        var root = RepositoryRoot();
        var data = Directory.CreateTempSubdirectory("yilian-runsh-");
        var port = FreePort();
        var start = new ProcessStartInfo("bash", [Path.Combine(root, "run.sh")]) { WorkingDirectory = root };
        start.Environment["YILIAN_URL"] = $"http://127.0.0.1:{port}";
        start.Environment["YILIAN_DATA"] = data.FullName;
        try
        {
            await using var host = await RealHost.StartAsync(start, $"http://127.0.0.1:{port}");
            await VisitAsAUserAsync(host, "real-runsh");
            host.Output.ShouldContain("Demo mode: sign in as regulator");
            host.Output.ShouldNotContain("\"LogLevel\"", customMessage: "the console of ./run.sh is for people: no JSON lines");
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task PublishOutput_FreshDataDirectory_ServesEveryPageStyled()
    {
        var root = RepositoryRoot();
        var output = Directory.CreateTempSubdirectory("yilian-publish-");
        var publish = new ProcessStartInfo("dotnet", ["publish", Path.Combine(root, "src", "Yilian.Web"), "-c", "Release", "-o", output.FullName, "-nologo", "-v", "quiet", "-clp:ErrorsOnly"])
        {
            WorkingDirectory = root,
        };
        try
        {
            await RealHost.RunToEndAsync(publish, StartTimeout);

            var port = FreePort();
            var start = new ProcessStartInfo("dotnet", [Path.Combine(output.FullName, "Yilian.Web.dll"), "--urls", $"http://127.0.0.1:{port}"])
            {
                WorkingDirectory = output.FullName,
            };
            start.Environment["Database__DataDirectory"] = Path.Combine(output.FullName, "data");
            start.Environment["Demo__Enabled"] = "true";
            await using var host = await RealHost.StartAsync(start, $"http://127.0.0.1:{port}");
            await VisitAsAUserAsync(host, "real-publish");
        }
        finally
        {
            // Half a gigabyte per run: left behind, a machine that runs the suite daily fills its disk.
            output.Delete(recursive: true);
        }
    }

    private async Task VisitAsAUserAsync(RealHost host, string name)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 800 }, Locale = "en-US",
        });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"{response.Status} {new Uri(response.Url).PathAndQuery}");
            }
        };
        page.RequestFailed += (_, request) => problems.Add($"failed {new Uri(request.Url).PathAndQuery}: {request.Failure}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add($"console error on {new Uri(page.Url).PathAndQuery}: {message.Text} ({message.Location})");
            }
        };

        await OpenStyledAsync(page, "/", problems);
        await BrowserFixture.ScreenshotAsync(page, name + "-home");
        await OpenStyledAsync(page, "/check", problems);
        await page.SetViewportSizeAsync(375, 740);
        await OpenStyledAsync(page, "/volunteer/register", problems);
        await BrowserFixture.ScreenshotAsync(page, name + "-phone");
        await page.SetViewportSizeAsync(1280, 800);
        await OpenStyledAsync(page, "/account/login", problems);
        var password = (await page.Locator("[data-testid=demo-password]").InnerTextAsync()).Trim();
        await page.FillAsync("#userName", "regulator");
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**/admin");
        await OpenStyledAsync(page, "/admin", problems);
        await BrowserFixture.ScreenshotAsync(page, name + "-workbench");
        await OpenStyledAsync(page, "/admin/organizations", problems);
        await context.CloseAsync();

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems) + Environment.NewLine + host.Output);
    }

    private static async Task OpenStyledAsync(IPage page, string path, List<string> problems)
    {
        var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        if (response is null || response.Status >= 400)
        {
            problems.Add($"{response?.Status} {path}");
            return;
        }

        // Every stylesheet the page links has loaded rules, and Bootstrap's reboot is applied (the browser's own body margin is 8px).
        var unloaded = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('link[rel=stylesheet]')].filter(l => !l.sheet || l.sheet.cssRules.length === 0).map(l => l.getAttribute('href'))");
        foreach (var href in unloaded)
        {
            problems.Add($"stylesheet not loaded on {path}: {href}");
        }

        var margin = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).margin");
        if (margin != "0px")
        {
            problems.Add($"{path} is unstyled (body margin {margin})");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot() =>
        BrowserFixture.RepositoryRoot ?? throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);

    /// <summary>A Yilian process started from the command line, its console captured, killed with its children at the end.</summary>
    private sealed class RealHost : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private RealHost(Process process, string baseUrl)
        {
            _process = process;
            BaseUrl = baseUrl;
        }

        public string BaseUrl { get; }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public static async Task<RealHost> StartAsync(ProcessStartInfo start, string baseUrl)
        {
            var host = new RealHost(Launch(start), baseUrl);
            var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void Read(object? _, DataReceivedEventArgs e)
            {
                if (e.Data is null)
                {
                    return;
                }

                lock (host._output)
                {
                    host._output.AppendLine(e.Data);
                }

                if (e.Data.Contains("is running: open", StringComparison.Ordinal))
                {
                    ready.TrySetResult();
                }
            }

            host._process.OutputDataReceived += Read;
            host._process.ErrorDataReceived += Read;
            host._process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("Yilian exited before it was ready:" + Environment.NewLine + host.Output));
            host._process.EnableRaisingEvents = true;
            host._process.BeginOutputReadLine();
            host._process.BeginErrorReadLine();
            try
            {
                await ready.Task.WaitAsync(StartTimeout);
            }
            catch (TimeoutException)
            {
                await host.DisposeAsync();
                throw new TimeoutException("Yilian did not print its URL in time:" + Environment.NewLine + host.Output);
            }

            return host;
        }

        public static async Task RunToEndAsync(ProcessStartInfo start, TimeSpan timeout)
        {
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            using var process = Launch(start);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(timeout);
            await process.WaitForExitAsync(cts.Token);
            process.ExitCode.ShouldBe(0, $"{start.FileName} {string.Join(' ', start.ArgumentList)}:{Environment.NewLine}{await stdout}{await stderr}");
        }

        private static Process Launch(ProcessStartInfo start)
        {
            start.UseShellExecute = false;
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            // The child builds with MSBuild of its own: no build server left holding the pipes, nothing inherited from the test host's MSBuild.
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) && k != "MSBUILDDISABLENODEREUSE").ToList())
            {
                start.Environment.Remove(key);
            }

            start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
            start.Environment.Remove("DOTNET_ENVIRONMENT");
            return Process.Start(start) ?? throw new InvalidOperationException("Could not start " + start.FileName);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }
    }
}
