namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>
/// Klaviyo's API rate-limit tiers: every endpoint belongs to one, and each tier allows a burst per
/// second and a steady rate per minute, per installed app (app and account). The figures are
/// Klaviyo's ("Rate limits and error handling"; XS 1/s 15/m … XL 350/s 3500/m).
/// </summary>
internal enum ApiTier
{
    XS,
    S,
    M,
    L,
    XL,
}

/// <summary>How many requests a tier allows in its burst window (1 s) and its steady window (1 min).</summary>
internal readonly record struct ApiTierLimits(int Burst, int Steady)
{
    public static readonly TimeSpan BurstWindow = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan SteadyWindow = TimeSpan.FromMinutes(1);

    public static ApiTierLimits Of(ApiTier tier) => tier switch
    {
        ApiTier.XS => new(1, 15),
        ApiTier.S => new(3, 60),
        ApiTier.M => new(10, 150),
        ApiTier.L => new(75, 700),
        _ => new(350, 3500),
    };
}
