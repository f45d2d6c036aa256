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
    public static bool IsValid(string? text) => TryNumber(text, out _);

    /// <summary>
    /// The BSN as a number (its canonical 9-digit form, leading zeros dropped) when <paramref name="text"/> passes the
    /// eleven-test (<see cref="IsValid"/>); without allocating.
    /// </summary>
    public static bool TryNumber(string? text, out int number)
    {
        number = 0;
        if (text is null) return false;
        var t = text.AsSpan().Trim();
        if (t.Length is not (8 or 9)) return false;
        // Digit i of the 9-digit form weighs 9 − i, the last −1; an 8-digit number has a leading zero (weight 9, value 0).
        var offset = 9 - t.Length;
        var sum = 0;
        for (var i = 0; i < t.Length; i++)
        {
            var c = t[i];
            if (!char.IsAsciiDigit(c)) return false;
            var d = c - '0';
            number = number * 10 + d;
            sum += i + offset == 8 ? -d : (9 - (i + offset)) * d;
        }
        return number != 0 && sum % 11 == 0;
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
        if (!Bsn.TryNumber(bsn, out var number)) throw new ArgumentException("Ongeldig burgerservicenummer (elfproef).");
        Span<byte> canonical = stackalloc byte[9];
        PseudonymBatch.Canonical(number, canonical);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, canonical));
    }

    /// <summary>A pseudonymiser for many BSNs in a row (one import): see <see cref="PseudonymBatch"/>.</summary>
    public PseudonymBatch Batch() => key is null ? throw new InvalidOperationException(MissingKeyMessage) : new(key);

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

/// <summary>
/// Pseudonyms for one import (not thread-safe): the same HMAC-SHA256 as <see cref="PseudonymKey.Pseudonymize"/>, with one
/// HMAC instance for all BSNs (the key is set up once), and the pseudonyms of recently met BSNs kept in a fixed table
/// of <see cref="Slots"/> entries (a file lists a person's periods together), so memory does not grow with the file.
/// </summary>
public sealed class PseudonymBatch : IDisposable
{
    private const int Slots = 4096;
    private readonly IncrementalHash hmac;
    private readonly int[] numbers = new int[Slots];
    private readonly string?[] pseudonyms = new string?[Slots];

    internal PseudonymBatch(byte[] key) => hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);

    /// <summary>The pseudonym of a BSN that passed the eleven-test, by its number (<see cref="Bsn.TryNumber"/>).</summary>
    public string Pseudonymize(int bsn)
    {
        var slot = (int)((uint)bsn * 2654435761u >> 20) & (Slots - 1);
        if (numbers[slot] == bsn && pseudonyms[slot] is { } known) return known;
        Span<byte> canonical = stackalloc byte[9];
        Canonical(bsn, canonical);
        hmac.AppendData(canonical);
        Span<byte> mac = stackalloc byte[32];
        hmac.GetHashAndReset(mac);
        var pseudonym = Convert.ToHexStringLower(mac);
        (numbers[slot], pseudonyms[slot]) = (bsn, pseudonym);
        return pseudonym;
    }

    /// <summary>The canonical form that is hashed: the nine ASCII digits of the BSN (leading zero for 8 digits).</summary>
    internal static void Canonical(int bsn, Span<byte> nine)
    {
        for (var i = 8; i >= 0; i--) { nine[i] = (byte)('0' + bsn % 10); bsn /= 10; }
    }

    public void Dispose() => hmac.Dispose();
}
