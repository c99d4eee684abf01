using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace Klaviyo.OAuth.Emulator.Standalone;

/// <summary>
/// The emulator's command line, declared once and bound to <see cref="EmulatorOptions"/>: the
/// standalone program's root command and the tool's <c>emulate</c> are both built here, so an
/// option added here exists wherever the emulator starts.
/// </summary>
public static class EmulatorCommandLine
{
    /// <summary>The option that names the API host; a start failure on that host names it.</summary>
    public const string ApiUrlOption = "--api-url";

    /// <summary>The option that names the web host.</summary>
    public const string WebUrlOption = "--web-url";

    /// <summary>Options that start the emulator on fixed ports with an app registered, as the helps show them.</summary>
    public const string Example = "--api-url http://127.0.0.1:5080 --web-url http://127.0.0.1:5081 --client my-app:my-secret:http://127.0.0.1:8080/callback";

    /// <summary>How the README starts the standalone emulator from a clone.</summary>
    private const string Program = "dotnet run --project src/Klaviyo.OAuth.Emulator --";

    /// <summary>The tool's <c>emulate</c> (or any command of that shape): the emulator's options and its run.</summary>
    public static Command Create(string name, string description)
    {
        var command = new Command(name, description);
        Configure(command);
        return command;
    }

    /// <summary>Parses and runs the standalone program; parse errors are one message (<see cref="UsageProblem"/>) and exit 2.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellation = default)
    {
        var root = new RootCommand("An emulator of Klaviyo's OAuth server (the API host and the web host), for apps' tests and by hand.");
        Configure(root);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            await error.WriteLineAsync(UsageProblem.Of(parsed, "Run with --help for usage.", []));
            return ExitCodes.BadUsage;
        }

        var exit = await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellation);
        if (parsed.Action is HelpAction)
        {
            await output.WriteLineAsync($"Examples:{Environment.NewLine}  {Program} {Example}{Environment.NewLine}  {Program} --no-control-api --opaque-tokens");
            await output.WriteLineAsync();
            await output.WriteLineAsync("Exit codes:");
            foreach (var code in new[] { ExitCodes.Conforming, ExitCodes.BadUsage })
            {
                await output.WriteLineAsync($"  {code}  {(code == ExitCodes.Conforming ? "stopped (Ctrl-C)" : ExitCodes.Table.Single(c => c.Code == code).Meaning + "; a host that cannot listen names its option")}");
            }
        }

        return exit;
    }

    /// <summary>The options a command line gives, or its errors (one message each), without starting anything.</summary>
    internal static (EmulatorOptions? Options, IReadOnlyList<string> Errors) Parse(IReadOnlyList<string> args)
    {
        var root = new RootCommand();
        var declared = Configure(root);
        var parsed = root.Parse(args);
        return parsed.Errors.Count > 0 ? (null, parsed.Errors.Select(e => e.Message).ToArray()) : (declared.Bind(parsed), []);
    }

    private static Declared Configure(Command command)
    {
        var options = new Declared();
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.Validators.Add(options.Validate);
        command.SetAction((result, cancellation) =>
            StandaloneEmulator.RunAsync(options.Bind(result), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellation));
        return options;
    }

    /// <summary>One instance per command: System.CommandLine options belong to one parent.</summary>
    private sealed class Declared
    {
        public readonly Option<string?> ApiUrl = new(ApiUrlOption)
        {
            Description = "API host (as a.klaviyo.com): /oauth/token, /oauth/revoke, /api/, /__control/, /__admin/; default http://127.0.0.1:0 (a free port)",
            HelpName = "url",
        };

        public readonly Option<string?> WebUrl = new(WebUrlOption)
        {
            Description = "web host (as www.klaviyo.com): /oauth/authorize, /oauth/client, /login; default http://127.0.0.1:0 (a free port)",
            HelpName = "url",
        };

        // Not an option: people reach for it, and the hosts are given as whole URLs.
        public readonly Option<string?> Port = new("--port") { Hidden = true };

        public readonly Option<bool> NoControlApi = new("--no-control-api") { Description = "serve neither /__control/ nor WireMock's admin API /__admin/" };

        public readonly Option<bool> OpaqueTokens = new("--opaque-tokens") { Description = "issue the older kla_ + 40 character access tokens instead of JWTs" };

        public readonly Option<int?> DataSeed = new("--data-seed") { Description = "seed of the generated API data (profiles, lists, metrics, events)", HelpName = "n" };

        public readonly Option<bool> DiagnosisHeader = new("--diagnosis-header")
        {
            Description = "add the findings' JSON to refusals (X-Klaviyo-Emulator-Diagnosis); off by default, so that the wire stays Klaviyo's",
        };

        public readonly Option<string[]> Clients = new("--client")
        {
            Description = "register a fixed app at start, as ID:SECRET:REDIRECT_URI (repeatable), so an app's configuration needs no control call",
            HelpName = "ID:SECRET:REDIRECT_URI",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
        };

        public readonly Option<string?> Mappings = new("--mappings")
        {
            Description = "a folder of WireMock JSON mapping files (bodies under its __files), served on the API host behind the emulator's OAuth checks",
            HelpName = "dir",
        };

        public readonly Option<bool> WatchMappings = new("--watch-mappings") { Description = "with --mappings: load a mapping file again when it changes" };

        public readonly Option<bool> AllowRemoteControl = new("--allow-remote-control")
        {
            Description = "let the control API and the admin API answer other machines (otherwise loopback only, 403), and the API host bind an address other than loopback while they are on",
        };

        public readonly Option<string?> UpstreamApi = new("--upstream-api")
        {
            Description = "proxy mode: forward every API-host request (token, revoke, /api/) to this upstream, e.g. https://a.klaviyo.com, journaled as always; injected behaviours answer in its place",
            HelpName = "url",
        };

        public readonly Option<string?> UpstreamWeb = new("--upstream-web")
        {
            Description = "proxy the web host too, to an emulator or a compatible server (for the real Klaviyo, people sign in at www.klaviyo.com itself)",
            HelpName = "url",
        };

        public readonly Option<string?> Record = new("--record")
        {
            Description = "with --upstream-api: write the upstream's successful /api/ answers to this folder as WireMock mapping files (no credential reaches them), for a later --mappings",
            HelpName = "dir",
        };

        public readonly Option<bool> ApiRateLimits = new("--api-rate-limits")
        {
            Description = "enforce Klaviyo's API rate limits per installed app and endpoint tier (429 throttled); the RateLimit-* headers are sent either way",
        };

        public readonly Option<bool> Https = new("--https")
        {
            Description = "serve both hosts over TLS with a self-signed development certificate (for 127.0.0.1, ::1 and localhost), made once and reused; its file and SHA-256 fingerprint are printed at start",
        };

        public readonly Option<string?> HttpsCertDir = new("--https-cert-dir")
        {
            Description = "with --https: the folder where the certificate is kept (default: klaviyo-oauth-emulator-https in the system's temporary folder)",
            HelpName = "dir",
        };

        public IEnumerable<Option> All => [ApiUrl, WebUrl, Https, HttpsCertDir, NoControlApi, OpaqueTokens, DataSeed, DiagnosisHeader, Clients, Mappings, WatchMappings, UpstreamApi, UpstreamWeb, Record, ApiRateLimits, AllowRemoteControl, Port];

        public void Validate(CommandResult result)
        {
            if (result.GetResult(Port) is not null)
            {
                var port = int.TryParse(result.GetValue(Port), out var number) && number is > 0 and < 65536 ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : "PORT";
                result.AddError($"There is no --port: give each host's URL, {ApiUrlOption} http://127.0.0.1:{port} (and {WebUrlOption} for the web host); port 0 picks a free one.");
            }

            foreach (var (option, value) in new[] { (ApiUrl, result.GetValue(ApiUrl)), (WebUrl, result.GetValue(WebUrl)) })
            {
                if (value is not null && EmulatorUrl.Problem(value) is { } problem)
                {
                    result.AddError($"{option.Name} '{value}' {problem}.");
                }
            }

            foreach (var (option, value) in new[] { (UpstreamApi, result.GetValue(UpstreamApi)), (UpstreamWeb, result.GetValue(UpstreamWeb)) })
            {
                if (value is not null && (!Uri.TryCreate(value, UriKind.Absolute, out var upstream) || upstream.Scheme is not ("http" or "https")))
                {
                    result.AddError($"{option.Name} '{value}' is not an absolute http:// or https:// URL, e.g. https://a.klaviyo.com.");
                }
            }

            if (!result.GetValue(Https) && new[] { result.GetValue(ApiUrl), result.GetValue(WebUrl) }.FirstOrDefault(url => url?.StartsWith("https:", StringComparison.OrdinalIgnoreCase) == true) is { } tls)
            {
                result.AddError($"'{tls}' asks for TLS: add --https, which serves both hosts with a development certificate.");
            }

            if (result.GetValue(HttpsCertDir) is not null && !result.GetValue(Https))
            {
                result.AddError("--https-cert-dir DIR is where the --https certificate is kept: add --https.");
            }

            if (result.GetValue(Record) is { } recorded)
            {
                if (result.GetValue(UpstreamApi) is null)
                {
                    result.AddError("--record DIR records what an upstream answers: give --upstream-api URL too.");
                }
                else if (WritableFolder.Problem(Record.Name, recorded, "the recorded mappings") is { } problem)
                {
                    result.AddError(problem);
                }
            }

            if (result.GetValue(Mappings) is { } folder && !Directory.Exists(folder))
            {
                result.AddError($"--mappings '{folder}' is not a folder.");
            }

            if (result.GetValue(WatchMappings) && result.GetValue(Mappings) is null)
            {
                result.AddError("--watch-mappings needs --mappings DIR.");
            }

            foreach (var client in result.GetValue(Clients) ?? [])
            {
                if (FixedClient.Problem(client) is { } problem)
                {
                    result.AddError($"--client '{FixedClient.Shown(client)}': {problem}");
                }
            }
        }

        public EmulatorOptions Bind(ParseResult result)
        {
            var options = new EmulatorOptions
            {
                EnableControlApi = !result.GetValue(NoControlApi),
                Https = result.GetValue(Https),
                HttpsCertificateDirectory = result.GetValue(HttpsCertDir),
                DiagnosisHeader = result.GetValue(DiagnosisHeader),
                MappingsDirectory = result.GetValue(Mappings),
                WatchMappings = result.GetValue(WatchMappings),
                AllowRemoteControl = result.GetValue(AllowRemoteControl),
                UpstreamApiUrl = result.GetValue(UpstreamApi),
                UpstreamWebUrl = result.GetValue(UpstreamWeb),
                RecordDirectory = result.GetValue(Record),
                ApiRateLimits = result.GetValue(ApiRateLimits),
            };
            options.ApiUrl = result.GetValue(ApiUrl) ?? options.ApiUrl;
            options.WebUrl = result.GetValue(WebUrl) ?? options.WebUrl;
            options.DataSeed = result.GetValue(DataSeed) ?? options.DataSeed;
            if (result.GetValue(OpaqueTokens))
            {
                options.AccessTokenFormat = AccessTokenFormat.Opaque;
            }

            foreach (var client in result.GetValue(Clients) ?? [])
            {
                options.Clients.Add(FixedClient.Parse(client));
            }

            return options;
        }
    }
}
