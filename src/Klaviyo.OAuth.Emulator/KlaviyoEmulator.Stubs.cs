using Klaviyo.OAuth.Emulator.Http;
using Klaviyo.OAuth.Emulator.Http.Stubs;
using WireMock.Matchers.Request;
using WireMock.Server;

namespace Klaviyo.OAuth.Emulator;

/// <summary>Users' WireMock stubs behind the model: mapping files, the admin API and the fluent <see cref="Given"/>.</summary>
public sealed partial class KlaviyoEmulator
{
    private FileSystemWatcher? _mappingWatcher;

    /// <summary>What loading the mapping files warned about (a path pattern that could match one of the model's paths).</summary>
    public IReadOnlyList<string> MappingWarnings { get; private set; } = [];

    /// <summary>A watched mapping file was loaded again, or could not be (the message names the file).</summary>
    public event EventHandler<string>? MappingsReloaded;

    /// <summary>
    /// WireMock's fluent stubbing on the API host, behind the model: the model's own paths keep
    /// their answers, and a request under /api/ reaches the stub only once it passes the
    /// emulator's OAuth checks (bearer token, revision, the endpoint's scopes); when no stub
    /// matches, the model answers. In proxy mode the upstream takes the model's place, and the
    /// token must be one the proxy saw the upstream issue with those scopes, unexpired and not
    /// revoked through the proxy; any other request goes past the stubs to the upstream.
    /// Delays and faults work as in WireMock.
    /// </summary>
    public IRespondWithAProvider Given(IRequestMatcher requestMatcher)
    {
        _stubs.MayHaveChanged();
        return _api.Server.Given(requestMatcher);
    }

    // WireMock's admin API at /__admin/ on the API host, on with the control API and, like it,
    // for loopback only: every request goes to WireMock's own admin mappings; a change may add a
    // user mapping.
    private void ServeAdminApi(bool allowRemote)
    {
        _api.ConfigureWireMock(settings => settings.StartAdminInterface = true);
        WireMockReadsJsonBodies();
        _api.RoutePrefix("/__admin", RemoteControl.LoopbackOnly(
            request =>
            {
                if (request.Method != "GET")
                {
                    _stubs.MayHaveChanged();
                }

                return EmulatorResponse.ToWireMockAdmin();
            },
            allowRemote));
    }

    // Body files ("BodyAsFile") resolve under DIR/__files, as WireMock's static mappings do.
    private void ServeMappingFiles(EmulatorOptions options)
    {
        if (options.MappingsDirectory is { } directory)
        {
            var root = Path.GetFullPath(directory);
            _api.ConfigureWireMock(settings => settings.FileSystemHandler = new MappingBodyFiles(root));
        }

        WireMockReadsJsonBodies();
    }

    // The admin API reads its mappings as JSON, and stubs may match JSON bodies; only requests
    // handed to WireMock are parsed, never the model's own.
    private void WireMockReadsJsonBodies() => _api.ConfigureWireMock(settings => settings.DisableJsonBodyParsing = false);

    private void LoadMappingFiles(EmulatorOptions options)
    {
        if (options.MappingsDirectory is not { } directory)
        {
            return;
        }

        var root = Path.GetFullPath(directory);
        MappingWarnings = MappingFiles.Load(_api.Server, root, _stubs);
        if (!options.WatchMappings)
        {
            return;
        }

        _mappingWatcher = new FileSystemWatcher(root, "*.json") { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName };
        _mappingWatcher.Changed += (_, e) => Reload(e.FullPath);
        _mappingWatcher.Created += (_, e) => Reload(e.FullPath);
        _mappingWatcher.Renamed += (_, e) => Reload(e.FullPath);
        _mappingWatcher.EnableRaisingEvents = true;
    }

    private void Reload(string file)
    {
        string message;
        try
        {
            var warnings = MappingFiles.LoadOne(_api.Server, file, _stubs);
            message = string.Join(Environment.NewLine, [$"Mappings reloaded from {file}", .. warnings]);
        }
        catch (Exception e) when (e is ArgumentException or IOException)
        {
            message = $"Mappings not reloaded: {e.Message}";
        }

        MappingsReloaded?.Invoke(this, message);
    }
}
