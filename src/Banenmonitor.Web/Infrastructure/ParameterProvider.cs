using Banenmonitor.Data;
using Banenmonitor.Data.Parameters;
using Banenmonitor.Rules.Parameters;

namespace Banenmonitor.Web.Infrastructure;

/// <summary>
/// The parameters in force: the embedded files plus the values administrators supplied (with source), read once by the
/// one loader <see cref="StoredParameters"/> (the CLI uses it too) and kept until an administrator stores another value.
/// </summary>
public sealed class ParameterProvider(IServiceScopeFactory scopes)
{
    private ParametersInForce? _current;
    private readonly Lock _lock = new();

    public ParameterSet Current => InForce.Set;

    /// <summary>The set in force with how many stored values it holds (for a result that says which set it used).</summary>
    public ParametersInForce InForce
    {
        get
        {
            var c = _current;
            if (c is not null) return c;
            lock (_lock)
            {
                if (_current is not null) return _current;
                using var scope = scopes.CreateScope();
                _current = StoredParameters.Load(scope.ServiceProvider.GetRequiredService<BanenmonitorDbContext>());
                return _current;
            }
        }
    }

    public void Invalidate() { lock (_lock) _current = null; }
}
