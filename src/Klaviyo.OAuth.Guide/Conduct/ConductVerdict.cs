namespace Klaviyo.OAuth.Guide.Conduct;

/// <summary>What a client-conduct rule concluded about one app's traffic.</summary>
public enum ConductVerdict
{
    /// <summary>The traffic exercised the rule and kept it.</summary>
    Satisfied,

    /// <summary>A documented rule was broken: the app does not handle Klaviyo as the guide says.</summary>
    NotSatisfied,

    /// <summary>An RFC rule (rfc-must, rfc-should) was broken: advisory, reported apart.</summary>
    AdvisoryNotMet,

    /// <summary>Nothing in the traffic exercised the rule; the result says how to create the situation.</summary>
    NotVerified,
}

public static class ConductVerdictExtensions
{
    /// <summary>The verdict's name in reports: satisfied, not satisfied, advisory not met, not verified.</summary>
    public static string Text(this ConductVerdict verdict) => verdict switch
    {
        ConductVerdict.Satisfied => "satisfied",
        ConductVerdict.NotSatisfied => "not satisfied",
        ConductVerdict.AdvisoryNotMet => "advisory not met",
        ConductVerdict.NotVerified => "not verified",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };
}
