namespace IdentityStack.Constructs.SignIn;

/// <summary>Where managed login shows an image (CloudFormation <c>Assets[].Category</c>, e.g. FORM_LOGO).</summary>
public enum ManagedLoginAssetCategory
{
    /// <summary>FAVICON_ICO.</summary>
    FaviconIco,

    /// <summary>FAVICON_SVG.</summary>
    FaviconSvg,

    /// <summary>EMAIL_GRAPHIC.</summary>
    EmailGraphic,

    /// <summary>SMS_GRAPHIC.</summary>
    SmsGraphic,

    /// <summary>AUTH_APP_GRAPHIC.</summary>
    AuthAppGraphic,

    /// <summary>PASSWORD_GRAPHIC.</summary>
    PasswordGraphic,

    /// <summary>PASSKEY_GRAPHIC.</summary>
    PasskeyGraphic,

    /// <summary>PAGE_HEADER_LOGO.</summary>
    PageHeaderLogo,

    /// <summary>PAGE_HEADER_BACKGROUND.</summary>
    PageHeaderBackground,

    /// <summary>PAGE_FOOTER_LOGO.</summary>
    PageFooterLogo,

    /// <summary>PAGE_FOOTER_BACKGROUND.</summary>
    PageFooterBackground,

    /// <summary>PAGE_BACKGROUND.</summary>
    PageBackground,

    /// <summary>FORM_BACKGROUND.</summary>
    FormBackground,

    /// <summary>FORM_LOGO.</summary>
    FormLogo,

    /// <summary>IDP_BUTTON_ICON.</summary>
    IdpButtonIcon,
}
