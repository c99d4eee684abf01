namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>
/// Which endpoint families are down: for everyone, or only for requests attributable to one
/// client (so one scenario's outage does not fail scenarios running beside it).
/// </summary>
internal sealed class Outages
{
    private readonly Lock _gate = new();
    private readonly HashSet<(EndpointFamily Family, string? ClientId)> _down = [];

    public void Start(EndpointFamily family, string? clientId = null)
    {
        lock (_gate)
        {
            _down.Add((family, clientId));
        }
    }

    public void End(EndpointFamily family, string? clientId = null)
    {
        lock (_gate)
        {
            _down.Remove((family, clientId));
        }
    }

    public bool IsDown(EndpointFamily family, string? clientId)
    {
        lock (_gate)
        {
            return _down.Contains((family, null)) || (clientId is not null && _down.Contains((family, clientId)));
        }
    }
}
