namespace Klaviyo.OAuth.Guide.Diagnosis;

/// <summary>
/// The web host's pages: the consent page (only owners, admins and managers may grant) and the
/// OAuth client page (only those roles, in beta-allowlisted accounts).
/// </summary>
internal static class WebPageCheck
{
    public const string SessionCookie = "kl_session";

    public static void Run(DiagnosisContext context)
    {
        var user = SignedIn(context);
        var status = context.Response?.Status;
        if (context.Kind == RequestKind.Authorize)
        {
            if (user is { } u && !u.Role.MayGrantAccess())
            {
                context.Add(FindingIds.ConsentRole, $"The signed-in user is {u.Role.ToWireName()}; only an owner, admin or manager can grant authorization. Sign in as one of them.");
            }
            else if (user is null && status == 403)
            {
                context.Add(FindingIds.ConsentRole, "The consent page answered 403: the signed-in user's role cannot grant authorization. Sign in as an owner, admin or manager.");
            }

            return;
        }

        if (user is { } viewer && (!viewer.AccountAllowlisted || !viewer.Role.MayGrantAccess()))
        {
            context.Add(FindingIds.ClientPageHidden, !viewer.AccountAllowlisted
                ? "The account is not beta-allowlisted, so the OAuth client page does not exist for it; switch to the allowlisted account."
                : $"The signed-in user is {viewer.Role.ToWireName()}; only an owner, admin or manager sees the OAuth client page.");
        }
        else if (user is null && status == 404)
        {
            context.Add(FindingIds.ClientPageHidden, "The client page answered 404: the account is not beta-allowlisted, or the user is not an owner, admin or manager.");
        }
    }

    private static SignedInUser? SignedIn(DiagnosisContext context)
    {
        if (context.Server is null)
        {
            return null;
        }

        foreach (var header in context.Exchange.RequestHeaders.GetValues("Cookie"))
        {
            foreach (var pair in header.Split(';', StringSplitOptions.TrimEntries))
            {
                if (pair.StartsWith(SessionCookie + "=", StringComparison.Ordinal))
                {
                    return context.Server.UserOfSession(pair[(SessionCookie.Length + 1)..]);
                }
            }
        }

        return null;
    }
}
