using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Banenmonitor.Web.Features.Werkgevers;

/// <summary>
/// The rate limit of the target-group check: per signed-in user a fixed number of checks per minute (configuration
/// <c>Banenmonitor:DoelgroepcontrolesPerMinuut</c>, default 10), so the page cannot be used to sweep the register.
/// Over the limit: 429 with a Dutch message.
/// </summary>
public static class DoelgroepRateLimit
{
    public const string Policy = "doelgroepcontrole";
    public const string TooMany = "U hebt te veel controles gedaan. Probeer het over een minuut opnieuw.";

    public static IServiceCollection AddDoelgroepRateLimit(this IServiceCollection services, IConfiguration config)
    {
        var perMinute = config.GetValue<int?>("Banenmonitor:DoelgroepcontrolesPerMinuut") ?? 10;
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await ctx.HttpContext.Response.WriteAsync(TooMany, ct);
            };
            o.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.User.Identity?.Name ?? "anoniem:" + (http.Connection.RemoteIpAddress?.ToString() ?? ""),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }
}
