namespace Klaviyo.OAuth.Emulator.Standalone;

/// <summary>The standalone command's options: --api-url, --web-url, --no-control-api, --opaque-tokens, --data-seed, --help, --version.</summary>
internal sealed record CommandLine(EmulatorOptions Options, bool ShowHelp, bool ShowVersion = false)
{
    /// <summary>The usage text, for a program started as <paramref name="invokedAs"/>.</summary>
    public static string UsageFor(string invokedAs) => $"Usage: {invokedAs} [options]{Environment.NewLine}{Environment.NewLine}" + OptionsText;

    private const string OptionsText = """
          --api-url <url>     API host (as a.klaviyo.com): /oauth/token, /oauth/revoke, /api/, /__control/
                              default http://127.0.0.1:0 (a free port)
          --web-url <url>     web host (as www.klaviyo.com): /oauth/authorize, /oauth/client, /login
                              default http://127.0.0.1:0 (a free port)
          --no-control-api    do not serve /__control/
          --opaque-tokens     issue the older kla_ + 40 character access tokens instead of JWTs
          --data-seed <n>     seed of the generated API data (profiles, lists, metrics, events)
          --diagnosis-header  add the findings' JSON to refusals (X-Klaviyo-Emulator-Diagnosis);
                              off by default, so that the wire stays Klaviyo's
          --help              print this and exit
          --version           print the version and exit

        Prints the base URLs and a demo client, logs one line per request (secrets redacted;
        a refusal's line names the guide's tip and what the request shows, with its request id),
        prints "Emulator ready" when listening, and stops on Ctrl-C or SIGTERM.
        """;

    /// <summary>Parses arguments; throws <see cref="ArgumentException"/> with a message for people.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var options = new EmulatorOptions();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    return new CommandLine(options, ShowHelp: true);
                case "--version":
                    return new CommandLine(options, ShowHelp: false, ShowVersion: true);
                case "--no-control-api":
                    options.EnableControlApi = false;
                    break;
                case "--opaque-tokens":
                    options.AccessTokenFormat = AccessTokenFormat.Opaque;
                    break;
                case "--data-seed":
                    options.DataSeed = ++i < args.Count && int.TryParse(args[i], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var seed)
                        ? seed
                        : throw new ArgumentException("--data-seed needs a whole number, e.g. --data-seed 42.");
                    break;
                case "--diagnosis-header":
                    options.DiagnosisHeader = true;
                    break;
                case "--api-url":
                    options.ApiUrl = HttpUrl(args, ++i, "--api-url");
                    break;
                case "--web-url":
                    options.WebUrl = HttpUrl(args, ++i, "--web-url");
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        return new CommandLine(options, ShowHelp: false);
    }

    private static string HttpUrl(IReadOnlyList<string> args, int index, string option)
    {
        if (index >= args.Count)
        {
            throw new ArgumentException($"{option} needs a URL, e.g. http://127.0.0.1:5080.");
        }

        var value = args[index];
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.AbsolutePath != "/")
        {
            throw new ArgumentException($"{option} '{value}' is not an http:// URL with a host and port, e.g. http://127.0.0.1:5080.");
        }

        return value;
    }
}
