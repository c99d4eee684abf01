using Klaviyo.OAuth.Guide.Protocol;

namespace Klaviyo.OAuth.Emulator.Tests.Model;

public class PkceTests
{
    [Test]
    public void The_RFC_7636_appendix_B_verifier_hashes_to_its_challenge()
    {
        Pkce.ChallengeFor(ModelBuilder.Verifier).Should().Be(ModelBuilder.Challenge);
        Pkce.Satisfies(ModelBuilder.Verifier, ModelBuilder.Challenge).Should().BeTrue();
    }

    [TestCase(43)]
    [TestCase(128)]
    public void A_verifier_of_allowed_length_and_alphabet_is_well_formed(int length)
    {
        var verifier = new Bogus.Randomizer().String2(length, "abcXYZ0189-._~");

        Pkce.IsWellFormedVerifier(verifier).Should().BeTrue();
    }

    [TestCase(42, 'a')]
    [TestCase(129, 'a')]
    [TestCase(50, '+')]
    [TestCase(50, '/')]
    [TestCase(50, '=')]
    [TestCase(50, ' ')]
    public void A_verifier_of_wrong_length_or_with_a_forbidden_character_is_malformed(int length, char last)
    {
        var verifier = new string('a', length - 1) + last;

        Pkce.IsWellFormedVerifier(verifier).Should().BeFalse();
    }

    [Test]
    public void A_verifier_with_a_trailing_newline_is_malformed()
    {
        Pkce.IsWellFormedVerifier(ModelBuilder.Verifier + "\n").Should().BeFalse();
    }
}
