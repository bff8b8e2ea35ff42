// The words of the localised transactional mails, per language. Written for this generator (no vendor template
// text is copied), in the register each kind of mail has in that language.
import type { Lang } from './world.js';

export interface Phrases {
  hello: (name: string) => string;
  thanks: string;
  regards: string;
  orderSubject: (shop: string, n: string) => string;
  orderIntro: (n: string) => string;
  orderTableHead: [string, string, string];
  subtotal: string;
  shipping: string;
  total: string;
  viewOrder: string;
  shipSubject: (n: string) => string;
  shipIntro: (carrier: string, n: string) => string;
  track: string;
  resetSubject: (site: string) => string;
  resetIntro: string;
  resetButton: string;
  resetIgnore: string;
  invoiceSubject: (n: string) => string;
  invoiceIntro: (n: string, amount: string, due: string) => string;
  codeSubject: (code: string) => string;
  codeIntro: (code: string, minutes: number) => string;
  codeIgnore: string;
  reminderSubject: (date: string) => string;
  reminderIntro: (date: string, time: string) => string;
  reschedule: string;
  unsubscribe: string;
  privacy: string;
  /** Payment reminders by level (a friendly reminder, a second one, the final notice before collection). */
  dunning: Array<{ subject: (n: string) => string; body: (n: string, amount: string, due: string) => string }>;
  /** A direct debit (membership or subscription fee) the bank returned. */
  debitSubject: (what: string) => string;
  debitBody: (what: string, amount: string) => string;
}

export const phrases: Record<Lang, Phrases> = {
  en: {
    hello: (n) => `Hi ${n},`, thanks: 'Thanks for shopping with us.', regards: 'Best regards,',
    orderSubject: (s, n) => `Your ${s} order #${n} has been received`, orderIntro: (n) => `Just to let you know — we've received your order #${n}, and it is now being processed.`,
    orderTableHead: ['Product', 'Quantity', 'Price'], subtotal: 'Subtotal', shipping: 'Shipping', total: 'Total', viewOrder: 'View your order',
    shipSubject: (n) => `Your order #${n} is on its way`, shipIntro: (c, n) => `Good news: your order #${n} has been handed to ${c}. You can follow the parcel with the tracking number below.`, track: 'Track your parcel',
    resetSubject: (s) => `[${s}] Password reset`, resetIntro: 'Someone asked to reset the password for your account. If this was you, choose a new password with the button below. The link works for 60 minutes.', resetButton: 'Choose a new password', resetIgnore: "If you didn't ask for this, you can ignore this email; your password stays the same.",
    invoiceSubject: (n) => `Invoice ${n}`, invoiceIntro: (n, a, d) => `Please find attached invoice ${n} for ${a}, payable by ${d}.`,
    codeSubject: (c) => `${c} is your verification code`, codeIntro: (c, m) => `Your verification code is ${c}. It expires in ${m} minutes.`, codeIgnore: 'If you did not try to sign in, you can ignore this message. Never share this code with anyone.',
    reminderSubject: (d) => `Reminder: your appointment on ${d}`, reminderIntro: (d, t) => `This is a reminder of your appointment on ${d} at ${t}.`, reschedule: 'Reschedule or cancel',
    unsubscribe: 'Unsubscribe', privacy: 'Privacy policy',
    dunning: [
      { subject: (n) => `Payment reminder: invoice ${n}`, body: (n, a, d) => `According to our records, invoice ${n} for ${a} (due ${d}) has not been paid yet. Perhaps it slipped through; if you have already paid, please ignore this reminder.` },
      { subject: (n) => `Second reminder: invoice ${n} is overdue`, body: (n, a, d) => `We have not yet received payment of ${a} for invoice ${n}, which was due on ${d}. Please settle the outstanding amount within 7 days or let us know if there is a problem with the invoice.` },
      { subject: (n) => `Final notice: overdue invoice ${n}`, body: (n, a, d) => `Despite our earlier reminders, invoice ${n} for ${a} (due ${d}) remains unpaid. Please pay the overdue amount within 10 days; otherwise we will have to pass the matter to our collection agency, which adds costs. If you are having difficulties, call us to agree a payment plan.` },
    ],
    debitSubject: (w) => `Your ${w} direct debit was returned`, debitBody: (w, a) => `Your bank returned the direct debit of ${a} for your ${w}. This can happen when the account details changed or the balance was too low. We will collect it again with the next payment run; you can also pay by bank transfer quoting your member number.`,
  },
  de: {
    hello: (n) => `Hallo ${n},`, thanks: 'Vielen Dank für Ihren Einkauf.', regards: 'Viele Grüße',
    orderSubject: (s, n) => `Ihre Bestellung Nr. ${n} bei ${s}`, orderIntro: (n) => `vielen Dank für Ihre Bestellung Nr. ${n}. Wir haben sie erhalten und bearbeiten sie jetzt.`,
    orderTableHead: ['Artikel', 'Menge', 'Preis'], subtotal: 'Zwischensumme', shipping: 'Versand', total: 'Gesamtsumme', viewOrder: 'Bestellung ansehen',
    shipSubject: (n) => `Ihre Bestellung ${n} wurde versandt`, shipIntro: (c, n) => `Ihre Bestellung ${n} ist unterwegs und wurde an ${c} übergeben. Mit der Sendungsnummer unten können Sie das Paket verfolgen.`, track: 'Sendung verfolgen',
    resetSubject: (s) => `[${s}] Passwort zurücksetzen`, resetIntro: 'Jemand hat das Zurücksetzen des Passworts für Ihr Konto angefordert. Wenn Sie das waren, vergeben Sie über die Schaltfläche ein neues Passwort. Der Link ist 60 Minuten gültig.', resetButton: 'Neues Passwort festlegen', resetIgnore: 'Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail einfach; Ihr Passwort bleibt unverändert.',
    invoiceSubject: (n) => `Rechnung ${n}`, invoiceIntro: (n, a, d) => `anbei erhalten Sie die Rechnung ${n} über ${a}, zahlbar bis ${d}.`,
    codeSubject: (c) => `Ihr Bestätigungscode: ${c}`, codeIntro: (c, m) => `Ihr Bestätigungscode lautet ${c}. Er ist ${m} Minuten gültig.`, codeIgnore: 'Wenn Sie sich nicht anmelden wollten, können Sie diese Nachricht ignorieren. Geben Sie den Code niemals weiter.',
    reminderSubject: (d) => `Erinnerung an Ihren Termin am ${d}`, reminderIntro: (d, t) => `wir möchten Sie an Ihren Termin am ${d} um ${t} Uhr erinnern.`, reschedule: 'Termin verschieben oder absagen',
    unsubscribe: 'Abmelden', privacy: 'Datenschutz',
    dunning: [
      { subject: (n) => `Zahlungserinnerung zur Rechnung ${n}`, body: (n, a, d) => `sicher ist es Ihnen entgangen: Die Rechnung ${n} über ${a}, fällig am ${d}, ist bei uns noch offen. Sollten Sie bereits bezahlt haben, betrachten Sie dieses Schreiben bitte als gegenstandslos.` },
      { subject: (n) => `1. Mahnung: Rechnung ${n}`, body: (n, a, d) => `leider konnten wir bis heute keinen Zahlungseingang über ${a} für die Rechnung ${n} (fällig am ${d}) feststellen. Bitte überweisen Sie den offenen Betrag innerhalb von 7 Tagen.` },
      { subject: (n) => `Letzte Mahnung: Rechnung ${n}`, body: (n, a, d) => `trotz unserer Erinnerungen ist die Rechnung ${n} über ${a} (fällig am ${d}) weiterhin unbezahlt. Bitte begleichen Sie den Betrag innerhalb von 10 Tagen, andernfalls müssen wir die Forderung an ein Inkassobüro übergeben. Bei Zahlungsschwierigkeiten rufen Sie uns bitte an, wir finden eine Ratenzahlung.` },
    ],
    debitSubject: (w) => `Rücklastschrift: ${w}`, debitBody: (w, a) => `Ihre Bank hat die Lastschrift über ${a} für ${w} zurückgegeben. Das passiert, wenn sich die Bankverbindung geändert hat oder das Konto nicht gedeckt war. Wir ziehen den Betrag mit dem nächsten Einzug erneut ein; Sie können ihn auch unter Angabe Ihrer Mitgliedsnummer überweisen.`,
  },
  fr: {
    hello: (n) => `Bonjour ${n},`, thanks: 'Merci pour votre commande.', regards: 'Cordialement,',
    orderSubject: (s, n) => `Votre commande n° ${n} chez ${s}`, orderIntro: (n) => `Nous avons bien reçu votre commande n° ${n}, elle est en cours de préparation.`,
    orderTableHead: ['Produit', 'Quantité', 'Prix'], subtotal: 'Sous-total', shipping: 'Livraison', total: 'Total', viewOrder: 'Voir ma commande',
    shipSubject: (n) => `Votre commande ${n} a été expédiée`, shipIntro: (c, n) => `Votre commande ${n} a été remise à ${c}. Suivez votre colis avec le numéro ci-dessous.`, track: 'Suivre mon colis',
    resetSubject: (s) => `[${s}] Réinitialisation du mot de passe`, resetIntro: 'Une demande de réinitialisation du mot de passe a été faite pour votre compte. Si elle vient de vous, choisissez un nouveau mot de passe avec le bouton ci-dessous. Le lien est valable 60 minutes.', resetButton: 'Choisir un nouveau mot de passe', resetIgnore: "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.",
    invoiceSubject: (n) => `Facture ${n}`, invoiceIntro: (n, a, d) => `Veuillez trouver ci-joint la facture ${n} d'un montant de ${a}, à régler avant le ${d}.`,
    codeSubject: (c) => `Votre code de vérification : ${c}`, codeIntro: (c, m) => `Votre code de vérification est ${c}. Il expire dans ${m} minutes.`, codeIgnore: "Si vous n'avez pas essayé de vous connecter, ignorez ce message. Ne communiquez jamais ce code.",
    reminderSubject: (d) => `Rappel : votre rendez-vous du ${d}`, reminderIntro: (d, t) => `Nous vous rappelons votre rendez-vous du ${d} à ${t}.`, reschedule: 'Déplacer ou annuler',
    unsubscribe: 'Se désinscrire', privacy: 'Politique de confidentialité',
    dunning: [
      { subject: (n) => `Rappel de paiement : facture ${n}`, body: (n, a, d) => `sauf erreur de notre part, la facture ${n} de ${a}, échue le ${d}, reste à régler. Si vous avez déjà effectué le paiement, merci de ne pas tenir compte de ce message.` },
      { subject: (n) => `Deuxième relance : facture ${n}`, body: (n, a, d) => `nous n'avons pas encore reçu le règlement de ${a} pour la facture ${n}, échue le ${d}. Merci de régulariser sous 7 jours ou de nous signaler tout problème.` },
      { subject: (n) => `Dernier rappel avant recouvrement : facture ${n}`, body: (n, a, d) => `malgré nos précédentes relances, la facture ${n} de ${a} (échéance ${d}) demeure impayée. Sans règlement sous 10 jours, nous transmettrons le dossier à notre service de recouvrement. En cas de difficulté, contactez-nous pour convenir d'un échéancier.` },
    ],
    debitSubject: (w) => `Prélèvement rejeté : ${w}`, debitBody: (w, a) => `votre banque a rejeté le prélèvement de ${a} pour ${w}. Cela arrive lorsque les coordonnées ont changé ou que le solde était insuffisant. Nous le présenterons à nouveau lors du prochain prélèvement ; vous pouvez aussi régler par virement en indiquant votre numéro d'adhérent.`,
  },
  es: {
    hello: (n) => `Hola ${n}:`, thanks: 'Gracias por tu compra.', regards: 'Un saludo,',
    orderSubject: (s, n) => `Tu pedido n.º ${n} en ${s}`, orderIntro: (n) => `Hemos recibido tu pedido n.º ${n} y ya lo estamos preparando.`,
    orderTableHead: ['Producto', 'Cantidad', 'Precio'], subtotal: 'Subtotal', shipping: 'Envío', total: 'Total', viewOrder: 'Ver mi pedido',
    shipSubject: (n) => `Tu pedido ${n} está en camino`, shipIntro: (c, n) => `Tu pedido ${n} ya está en manos de ${c}. Puedes seguir el envío con el número de seguimiento.`, track: 'Seguir mi envío',
    resetSubject: (s) => `[${s}] Restablecer contraseña`, resetIntro: 'Alguien ha solicitado restablecer la contraseña de tu cuenta. Si has sido tú, elige una nueva contraseña con el botón. El enlace caduca en 60 minutos.', resetButton: 'Elegir nueva contraseña', resetIgnore: 'Si no lo has solicitado, ignora este correo; tu contraseña no cambiará.',
    invoiceSubject: (n) => `Factura ${n}`, invoiceIntro: (n, a, d) => `Adjuntamos la factura ${n} por importe de ${a}, con vencimiento el ${d}.`,
    codeSubject: (c) => `Tu código de verificación es ${c}`, codeIntro: (c, m) => `Tu código de verificación es ${c}. Caduca en ${m} minutos.`, codeIgnore: 'Si no intentaste iniciar sesión, ignora este mensaje. No compartas nunca este código.',
    reminderSubject: (d) => `Recordatorio: tu cita del ${d}`, reminderIntro: (d, t) => `Te recordamos tu cita del ${d} a las ${t}.`, reschedule: 'Cambiar o cancelar la cita',
    unsubscribe: 'Darse de baja', privacy: 'Política de privacidad',
    dunning: [
      { subject: (n) => `Recordatorio de pago: factura ${n}`, body: (n, a, d) => `según nuestros registros, la factura ${n} por ${a}, con vencimiento el ${d}, sigue pendiente. Si ya la ha abonado, ignore este recordatorio.` },
      { subject: (n) => `Segundo aviso: factura ${n} vencida`, body: (n, a, d) => `todavía no hemos recibido el pago de ${a} correspondiente a la factura ${n}, vencida el ${d}. Le rogamos que abone el importe en un plazo de 7 días o nos indique si hay algún problema.` },
      { subject: (n) => `Último aviso: factura ${n} impagada`, body: (n, a, d) => `a pesar de nuestros avisos anteriores, la factura ${n} por ${a} (vencimiento ${d}) continúa impagada. Si no recibimos el pago en 10 días, trasladaremos la deuda a nuestra agencia de recobro. Si tiene dificultades, llámenos y acordaremos un plan de pagos.` },
    ],
    debitSubject: (w) => `Recibo devuelto: ${w}`, debitBody: (w, a) => `su banco ha devuelto el recibo de ${a} de ${w}. Suele ocurrir cuando cambian los datos bancarios o no hay saldo suficiente. Lo volveremos a girar en la próxima remesa; también puede pagar por transferencia indicando su número de socio.`,
  },
  it: {
    hello: (n) => `Ciao ${n},`, thanks: 'Grazie per il tuo acquisto.', regards: 'Cordiali saluti,',
    orderSubject: (s, n) => `Il tuo ordine n. ${n} su ${s}`, orderIntro: (n) => `Abbiamo ricevuto il tuo ordine n. ${n} e lo stiamo preparando.`,
    orderTableHead: ['Prodotto', 'Quantità', 'Prezzo'], subtotal: 'Subtotale', shipping: 'Spedizione', total: 'Totale', viewOrder: 'Visualizza ordine',
    shipSubject: (n) => `Il tuo ordine ${n} è stato spedito`, shipIntro: (c, n) => `Il tuo ordine ${n} è stato affidato a ${c}. Puoi seguire la spedizione con il numero qui sotto.`, track: 'Traccia la spedizione',
    resetSubject: (s) => `[${s}] Reimpostazione della password`, resetIntro: 'È stata richiesta la reimpostazione della password del tuo account. Se sei stato tu, scegli una nuova password con il pulsante. Il link è valido 60 minuti.', resetButton: 'Scegli una nuova password', resetIgnore: 'Se non hai fatto tu la richiesta, ignora questa email.',
    invoiceSubject: (n) => `Fattura ${n}`, invoiceIntro: (n, a, d) => `In allegato trovi la fattura ${n} di ${a}, con scadenza il ${d}.`,
    codeSubject: (c) => `Il tuo codice di verifica: ${c}`, codeIntro: (c, m) => `Il tuo codice di verifica è ${c}. Scade tra ${m} minuti.`, codeIgnore: "Se non hai provato ad accedere, ignora questo messaggio. Non condividere mai il codice.",
    reminderSubject: (d) => `Promemoria: appuntamento del ${d}`, reminderIntro: (d, t) => `Ti ricordiamo l'appuntamento del ${d} alle ${t}.`, reschedule: 'Sposta o annulla',
    unsubscribe: 'Annulla iscrizione', privacy: 'Informativa privacy',
    dunning: [
      { subject: (n) => `Promemoria di pagamento: fattura ${n}`, body: (n, a, d) => `dai nostri controlli la fattura ${n} di ${a}, scaduta il ${d}, risulta ancora da saldare. Se ha già provveduto al pagamento, non tenga conto di questo messaggio.` },
      { subject: (n) => `Secondo sollecito: fattura ${n}`, body: (n, a, d) => `non abbiamo ancora ricevuto il pagamento di ${a} relativo alla fattura ${n}, scaduta il ${d}. La preghiamo di saldare entro 7 giorni o di segnalarci eventuali problemi.` },
      { subject: (n) => `Ultimo sollecito: fattura ${n}`, body: (n, a, d) => `nonostante i precedenti solleciti, la fattura ${n} di ${a} (scadenza ${d}) risulta ancora insoluta. In mancanza di pagamento entro 10 giorni dovremo affidare la pratica al recupero crediti. In caso di difficoltà ci contatti per concordare una rateizzazione.` },
    ],
    debitSubject: (w) => `Addebito SDD non riuscito: ${w}`, debitBody: (w, a) => `la sua banca ha respinto l'addebito di ${a} per ${w}. Succede quando cambiano le coordinate bancarie o il saldo non è sufficiente. Lo ripresenteremo con il prossimo addebito; può anche pagare con bonifico indicando il suo numero di socio.`,
  },
  nl: {
    hello: (n) => `Hallo ${n},`, thanks: 'Bedankt voor je bestelling.', regards: 'Met vriendelijke groet,',
    orderSubject: (s, n) => `Je bestelling ${n} bij ${s}`, orderIntro: (n) => `We hebben je bestelling ${n} ontvangen en gaan ermee aan de slag.`,
    orderTableHead: ['Product', 'Aantal', 'Prijs'], subtotal: 'Subtotaal', shipping: 'Verzending', total: 'Totaal', viewOrder: 'Bekijk je bestelling',
    shipSubject: (n) => `Je bestelling ${n} is verzonden`, shipIntro: (c, n) => `Je bestelling ${n} is overgedragen aan ${c}. Volg je pakket met de track-and-tracecode hieronder.`, track: 'Volg je pakket',
    resetSubject: (s) => `[${s}] Wachtwoord opnieuw instellen`, resetIntro: 'Er is gevraagd om het wachtwoord van je account opnieuw in te stellen. Was jij dat, kies dan met de knop een nieuw wachtwoord. De link is 60 minuten geldig.', resetButton: 'Nieuw wachtwoord kiezen', resetIgnore: 'Heb je dit niet aangevraagd? Dan kun je deze e-mail negeren.',
    invoiceSubject: (n) => `Factuur ${n}`, invoiceIntro: (n, a, d) => `In de bijlage vind je factuur ${n} van ${a}, te betalen vóór ${d}.`,
    codeSubject: (c) => `Je verificatiecode is ${c}`, codeIntro: (c, m) => `Je verificatiecode is ${c}. De code verloopt over ${m} minuten.`, codeIgnore: 'Probeerde je niet in te loggen? Negeer dit bericht dan. Deel de code nooit.',
    reminderSubject: (d) => `Herinnering: je afspraak op ${d}`, reminderIntro: (d, t) => `Een herinnering aan je afspraak op ${d} om ${t}.`, reschedule: 'Verzetten of annuleren',
    unsubscribe: 'Afmelden', privacy: 'Privacybeleid',
    dunning: [
      { subject: (n) => `Betalingsherinnering factuur ${n}`, body: (n, a, d) => `volgens onze administratie staat factuur ${n} van ${a}, vervallen op ${d}, nog open. Heb je al betaald, dan kun je deze herinnering als niet verzonden beschouwen.` },
      { subject: (n) => `Tweede herinnering: factuur ${n}`, body: (n, a, d) => `we hebben de betaling van ${a} voor factuur ${n}, vervallen op ${d}, nog niet ontvangen. Wil je het openstaande bedrag binnen 7 dagen voldoen of laten weten als er iets niet klopt?` },
      { subject: (n) => `Aanmaning: factuur ${n}`, body: (n, a, d) => `ondanks onze eerdere herinneringen is factuur ${n} van ${a} (vervaldatum ${d}) nog altijd niet betaald. Als we de betaling niet binnen 10 dagen ontvangen, dragen we de vordering over aan een incassobureau. Lukt betalen niet, bel ons dan voor een betalingsregeling.` },
    ],
    debitSubject: (w) => `Stornering van je incasso: ${w}`, debitBody: (w, a) => `je bank heeft de incasso van ${a} voor ${w} gestorneerd. Dat gebeurt als je rekeninggegevens zijn gewijzigd of er onvoldoende saldo was. We schrijven het bedrag bij de volgende incassorun opnieuw af; je mag het ook overmaken onder vermelding van je lidnummer.`,
  },
  pt: {
    hello: (n) => `Olá ${n},`, thanks: 'Obrigado pela sua compra.', regards: 'Com os melhores cumprimentos,',
    orderSubject: (s, n) => `A sua encomenda n.º ${n} na ${s}`, orderIntro: (n) => `Recebemos a sua encomenda n.º ${n} e já a estamos a preparar.`,
    orderTableHead: ['Produto', 'Quantidade', 'Preço'], subtotal: 'Subtotal', shipping: 'Envio', total: 'Total', viewOrder: 'Ver encomenda',
    shipSubject: (n) => `A sua encomenda ${n} foi enviada`, shipIntro: (c, n) => `A sua encomenda ${n} foi entregue à ${c}. Pode acompanhar a encomenda com o número de seguimento abaixo.`, track: 'Seguir a encomenda',
    resetSubject: (s) => `[${s}] Redefinição da palavra-passe`, resetIntro: 'Foi pedida a redefinição da palavra-passe da sua conta. Se foi você, escolha uma nova palavra-passe com o botão abaixo. A ligação é válida durante 60 minutos.', resetButton: 'Escolher nova palavra-passe', resetIgnore: 'Se não fez este pedido, ignore este email.',
    invoiceSubject: (n) => `Fatura ${n}`, invoiceIntro: (n, a, d) => `Segue em anexo a fatura ${n} no valor de ${a}, com vencimento a ${d}.`,
    codeSubject: (c) => `O seu código de verificação: ${c}`, codeIntro: (c, m) => `O seu código de verificação é ${c}. Expira em ${m} minutos.`, codeIgnore: 'Se não tentou iniciar sessão, ignore esta mensagem. Nunca partilhe este código.',
    reminderSubject: (d) => `Lembrete: a sua consulta de ${d}`, reminderIntro: (d, t) => `Lembramos a sua marcação de ${d} às ${t}.`, reschedule: 'Alterar ou cancelar',
    unsubscribe: 'Cancelar subscrição', privacy: 'Política de privacidade',
    dunning: [
      { subject: (n) => `Lembrete de pagamento: fatura ${n}`, body: (n, a, d) => `de acordo com os nossos registos, a fatura ${n} no valor de ${a}, vencida a ${d}, ainda não foi paga. Caso já tenha efetuado o pagamento, ignore este lembrete.` },
      { subject: (n) => `Segundo aviso: fatura ${n} em atraso`, body: (n, a, d) => `ainda não recebemos o pagamento de ${a} referente à fatura ${n}, vencida a ${d}. Agradecemos que regularize o valor em 7 dias ou nos informe se houver algum problema.` },
      { subject: (n) => `Último aviso: fatura ${n} por pagar`, body: (n, a, d) => `apesar dos avisos anteriores, a fatura ${n} de ${a} (vencimento ${d}) continua por pagar. Sem pagamento em 10 dias, teremos de passar o processo à cobrança. Se tiver dificuldades, contacte-nos para acordarmos um plano de pagamento.` },
    ],
    debitSubject: (w) => `Débito direto devolvido: ${w}`, debitBody: (w, a) => `o seu banco devolveu o débito direto de ${a} referente a ${w}. Acontece quando os dados bancários mudaram ou o saldo era insuficiente. Voltaremos a apresentá-lo na próxima cobrança; também pode pagar por transferência indicando o seu número de sócio.`,
  },
};
