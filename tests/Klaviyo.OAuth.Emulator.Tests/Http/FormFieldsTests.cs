using System.Text;
using Klaviyo.OAuth.Guide.Protocol;

namespace Klaviyo.OAuth.Emulator.Tests.Http;

public class FormFieldsTests
{
    [Test]
    public void Percent_encoding_and_plus_signs_are_decoded()
    {
        var form = FormFields.TryParse("redirect_uri=http%3A%2F%2F127.0.0.1%2Fcb&scope=a+b&empty=&flag", out var error);

        error.Should().BeNull();
        form!.Fields.Should().Equal(new Dictionary<string, string>
        {
            ["redirect_uri"] = "http://127.0.0.1/cb",
            ["scope"] = "a b",
            ["empty"] = string.Empty,
            ["flag"] = string.Empty,
        });
    }

    [Test]
    public void A_repeated_parameter_is_an_error()
    {
        FormFields.TryParse("grant_type=refresh_token&grant_type=password", out var error).Should().BeNull();
        error.Should().Be("parameter 'grant_type' is repeated");
    }

    [TestCase("a=%zz")]
    [TestCase("a=%4")]
    [TestCase("a=%ff")]
    public void Broken_percent_encoding_is_an_error(string text)
    {
        FormFields.TryParse(text, out var error).Should().BeNull();
        error.Should().Be("malformed percent-encoding");
    }

    [Test]
    public void Bytes_that_are_not_UTF8_are_an_error()
    {
        FormFields.TryParse([0x61, 0x3d, 0xc3, 0x28], out var error).Should().BeNull();
        error.Should().Be("body is not valid UTF-8");
    }

    [Test]
    public void Characters_outside_the_basic_plane_survive_decoding()
    {
        FormFields.TryParse(Encoding.UTF8.GetBytes("state=\U0001F600%F0%9F%98%80"), out _)!["state"].Should().Be("\U0001F600\U0001F600");
    }
}
