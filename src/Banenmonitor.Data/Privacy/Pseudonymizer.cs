using System.Security.Cryptography;
using System.Text;

namespace Banenmonitor.Data.Privacy;

/// <summary>Citizen service number (burgerservicenummer) checks.</summary>
public static class Bsn
{
    /// <summary>
    /// The eleven-test for BSN (elfproef): 9 digits d1..d9 with 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11,
    /// not all zeros. 8-digit numbers are read with a leading zero.
    /// </summary>
    public static bool IsValid(string? text)
    {
        if (text is null) return false;
        var t = text.Trim();
        if (t.Length == 8) t = "0" + t;
        if (t.Length != 9 || !t.All(char.IsAsciiDigit) || t == "000000000") return false;
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += (9 - i) * (t[i] - '0');
        sum -= t[8] - '0';
        return sum % 11 == 0;
    }

    /// <summary>The 9-digit canonical form (leading zero for 8 digits).</summary>
    public static string Normalize(string text) { var t = text.Trim(); return t.Length == 8 ? "0" + t : t; }
}

/// <summary>
/// The secret key for pseudonyms. Lives outside the repository and the database: configuration
/// <c>Banenmonitor:PseudoniemSleutel</c> or environment variable <c>BANENMONITOR_PSEUDONIEM_SLEUTEL</c>.
/// </summary>
public sealed class PseudonymKey
{
    public const string EnvironmentVariable = "BANENMONITOR_PSEUDONIEM_SLEUTEL";
    public const int MinimumLength = 16;

    private readonly byte[]? key;

    private PseudonymKey(byte[]? key) { this.key = key; }

    public static PseudonymKey None { get; } = new(null);

    public bool IsAvailable => key is not null;

    public static PseudonymKey FromText(string? secret)
    {
        if (string.IsNullOrEmpty(secret)) return None;
        if (secret.Length < MinimumLength)
            throw new ArgumentException($"De pseudonimiseringssleutel is te kort: gebruik minstens {MinimumLength} tekens.");
        return new(Encoding.UTF8.GetBytes(secret));
    }

    public static PseudonymKey FromEnvironment(Func<string, string?>? config = null) =>
        FromText(config?.Invoke("Banenmonitor:PseudoniemSleutel") ?? Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>HMAC-SHA256 of the canonical BSN, as 64 lowercase hex characters.</summary>
    public string Pseudonymize(string bsn)
    {
        if (key is null) throw new InvalidOperationException(MissingKeyMessage);
        if (!Bsn.IsValid(bsn)) throw new ArgumentException("Ongeldig burgerservicenummer (elfproef).");
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(Bsn.Normalize(bsn))));
    }

    public const string MissingKeyMessage =
        "Dit bestand bevat burgerservicenummers, maar er is geen pseudonimiseringssleutel ingesteld. " +
        "Zet de omgevingsvariabele BANENMONITOR_PSEUDONIEM_SLEUTEL (of Banenmonitor:PseudoniemSleutel in de configuratie); " +
        "zonder sleutel worden BSN's niet ingelezen.";

    /// <summary>The fixed label whose HMAC under the key is the key's fingerprint.</summary>
    public const string FingerprintLabel = "banenmonitor:pseudoniemsleutel:vingerafdruk:v1";

    /// <summary>
    /// Fingerprint of the key: HMAC-SHA256 of <see cref="FingerprintLabel"/> under the key (64 hex characters). It tells
    /// two keys apart without revealing either: the database stores it (<see cref="PseudonymKeyFingerprint"/>), never the key.
    /// </summary>
    public string Fingerprint => key is null
        ? throw new InvalidOperationException(MissingKeyMessage)
        : fingerprint ??= Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(FingerprintLabel)));

    private string? fingerprint;

    /// <summary>A pseudonym is 64 lowercase hex characters.</summary>
    public static bool IsPseudonym(string? text) => text is { Length: 64 } && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
