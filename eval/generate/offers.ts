// A generator of unsolicited offers as spam runs send them in 2022-2026 from hijacked mailboxes and throwaway
// domains: potency pills, diets, replica watches, casino bonuses, quick loans, anti-ageing creams, trading robots,
// discreet dating, work from home, miracle cures and gadgets, in seven languages. Spam rather than phishing: nothing
// to sign in to, a product and a link to buy it. The shipped model learns its *words* (scripts/default-model.ts), so
// that an offer in Dutch or Portuguese is not a page of words it has never met; no content rule is written from it.
// Every text here is written for this generator.
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import type { Generated } from './ham.js';
import { rand, type Rand } from './random.js';
import { person, token, type Lang } from './world.js';

/** What one kind of offer says in one language: subject lines and the sentences that sell the product. */
interface Pitch {
  subjects: string[];
  claims: string[];
}

type Kind = Partial<Record<Lang, Pitch>>;

const kinds: Record<string, Kind> = {
  pharmacy: {
    en: { subjects: ['Last longer in bed tonight', 'Your pharmacy order: 80% off', 'Men over 40 are switching to this'], claims: ['Generic pills for strong erections at a fraction of the pharmacy price, no prescription needed.', 'Discreet packaging, delivered to your door in 3 days.', 'Thousands of men have regained their confidence and stamina.'] },
    de: { subjects: ['Endlich wieder standhaft', 'Potenzmittel ohne Rezept', 'Mehr Manneskraft in 20 Minuten'], claims: ['Das natürliche Potenzmittel für eine harte Erektion, ganz ohne Rezept.', 'Diskreter Versand in neutraler Verpackung.', 'Über 50.000 zufriedene Männer vertrauen auf unsere Kapseln.'] },
    fr: { subjects: ['Retrouvez votre virilité', 'Pilules bleues sans ordonnance', 'Des érections plus fermes dès ce soir'], claims: ['La formule naturelle qui booste votre libido et votre endurance.', 'Livraison discrète sous emballage neutre, sans ordonnance.', 'Des milliers d\'hommes ont déjà retrouvé leur vigueur.'] },
    es: { subjects: ['Recupera tu potencia masculina', 'Pastillas sin receta con envío discreto'], claims: ['Erecciones firmes y duraderas con nuestra fórmula natural.', 'Sin receta médica, envío discreto en 48 horas.'] },
    it: { subjects: ['Ritrova la tua virilità', 'Pillole senza ricetta a prezzi bassissimi'], claims: ['Erezioni più forti e più durature con la formula naturale.', 'Spedizione discreta in confezione anonima, senza ricetta.'] },
    nl: { subjects: ['Weer urenlang kunnen in bed', 'Erectiepillen zonder recept'], claims: ['Het natuurlijke middel voor een harde erectie, zonder recept.', 'Discrete verzending in een neutrale verpakking.'] },
    pt: { subjects: ['Recupere a sua potência', 'Comprimidos sem receita, entrega discreta'], claims: ['Ereções firmes e duradouras com a fórmula natural.', 'Sem receita médica, entrega discreta em embalagem neutra.'] },
  },
  'weight-loss': {
    en: { subjects: ['Melt belly fat while you sleep', 'Lose 10 kg in 30 days', 'Doctors hate this keto trick'], claims: ['This keto formula burns stubborn belly fat without dieting or exercise.', 'Lose up to 10 kg in the first month, guaranteed or your money back.', 'As seen on TV: the fat burner celebrities swear by.'] },
    de: { subjects: ['Abnehmen ohne Hunger', '12 Kilo weniger in 4 Wochen', 'Der Fettkiller aus dem Fernsehen'], claims: ['Mit diesen Kapseln schmilzt das Bauchfett, ganz ohne Diät und Sport.', 'Bis zu 12 Kilo in 4 Wochen abnehmen, mit Geld-zurück-Garantie.', 'Ärzte sind sprachlos über diesen Stoffwechsel-Booster.'] },
    fr: { subjects: ['Perdez 10 kilos sans régime', 'Le brûleur de graisse qui affole les médecins'], claims: ['Brûlez la graisse du ventre sans régime ni sport grâce à cette formule céto.', 'Jusqu\'à 10 kilos en moins en un mois, satisfait ou remboursé.'] },
    es: { subjects: ['Adelgaza 10 kilos en un mes', 'Quema grasa mientras duermes'], claims: ['Quema la grasa abdominal sin dietas ni gimnasio con estas cápsulas keto.', 'Pierde hasta 10 kilos en 30 días o te devolvemos el dinero.'] },
    it: { subjects: ['Perdi 10 chili senza dieta', 'Il brucia grassi di cui parlano tutti'], claims: ['Brucia il grasso addominale senza dieta né palestra con la formula cheto.', 'Fino a 10 chili in meno in 30 giorni, soddisfatti o rimborsati.'] },
    nl: { subjects: ['Afvallen zonder dieet', '10 kilo kwijt in 30 dagen'], claims: ['Verbrand buikvet zonder dieet of sporten met deze keto-capsules.', 'Tot 10 kilo afvallen in de eerste maand, niet goed geld terug.'] },
    pt: { subjects: ['Emagreça 10 quilos sem dieta', 'O queimador de gordura que os médicos escondem'], claims: ['Queime a gordura da barriga sem dieta nem ginásio com estas cápsulas keto.', 'Perca até 10 quilos em 30 dias ou devolvemos o seu dinheiro.'] },
  },
  replica: {
    en: { subjects: ['Luxury watches at 90% off', 'Swiss replica watches, perfect copies'], claims: ['Perfect replicas of Rolex, Omega and Cartier watches, indistinguishable from the original.', 'Designer handbags from Louis Vuitton and Gucci at factory prices.'] },
    de: { subjects: ['Luxusuhren zum Bruchteil des Preises', 'Replika-Uhren in Top-Qualität'], claims: ['Perfekte Replika von Rolex und Omega, vom Original nicht zu unterscheiden.', 'Designer-Handtaschen zum Fabrikpreis.'] },
    fr: { subjects: ['Montres de luxe à prix d\'usine'], claims: ['Répliques parfaites de montres Rolex et Cartier, identiques à l\'original.'] },
    es: { subjects: ['Relojes de lujo a precio de fábrica'], claims: ['Réplicas perfectas de relojes Rolex y Omega, idénticas al original.'] },
    it: { subjects: ['Orologi di lusso a prezzo di fabbrica'], claims: ['Repliche perfette di orologi Rolex e Cartier, identiche all\'originale.'] },
    nl: { subjects: ['Luxe horloges voor een fractie van de prijs'], claims: ['Perfecte replica\'s van Rolex en Omega, niet van echt te onderscheiden.'] },
    pt: { subjects: ['Relógios de luxo a preço de fábrica'], claims: ['Réplicas perfeitas de relógios Rolex e Omega, iguais ao original.'] },
  },
  casino: {
    en: { subjects: ['Your 200 free spins are waiting', '500% welcome bonus, today only', 'You have been credited $1,000 in casino credits'], claims: ['Claim your welcome bonus and 200 free spins, no deposit required.', 'Play slots, roulette and live blackjack and win real money.', 'Instant withdrawals, no wagering on your first win.'] },
    de: { subjects: ['Ihre 200 Freispiele warten', '500 % Willkommensbonus nur heute'], claims: ['Sichern Sie sich Ihren Willkommensbonus und 200 Freispiele ohne Einzahlung.', 'Spielautomaten, Roulette und Live-Blackjack: gewinnen Sie echtes Geld.'] },
    fr: { subjects: ['Vos 200 tours gratuits vous attendent', 'Bonus de bienvenue de 500 %'], claims: ['Réclamez votre bonus de bienvenue et 200 tours gratuits sans dépôt.', 'Machines à sous, roulette et blackjack en direct : gagnez de l\'argent réel.'] },
    es: { subjects: ['Tus 200 tiradas gratis te esperan', 'Bono de bienvenida del 500 %'], claims: ['Reclama tu bono de bienvenida y 200 giros gratis sin depósito.', 'Tragaperras, ruleta y blackjack en vivo: gana dinero real.'] },
    it: { subjects: ['I tuoi 200 giri gratis ti aspettano', 'Bonus di benvenuto del 500%'], claims: ['Riscatta il bonus di benvenuto e 200 giri gratis senza deposito.', 'Slot, roulette e blackjack dal vivo: vinci soldi veri.'] },
    nl: { subjects: ['Je 200 gratis spins staan klaar', '500% welkomstbonus alleen vandaag'], claims: ['Claim je welkomstbonus en 200 gratis spins zonder storting.', 'Speel gokkasten, roulette en live blackjack en win echt geld.'] },
    pt: { subjects: ['As suas 200 rodadas grátis esperam por si', 'Bónus de boas-vindas de 500%'], claims: ['Resgate o bónus de boas-vindas e 200 rodadas grátis sem depósito.', 'Slots, roleta e blackjack ao vivo: ganhe dinheiro real.'] },
  },
  loan: {
    en: { subjects: ['Approved: up to $5,000 in your account today', 'Bad credit? No problem'], claims: ['Get a personal loan of up to $5,000 deposited within 24 hours, even with bad credit.', 'No credit check, no paperwork, approval in minutes.'] },
    de: { subjects: ['Sofortkredit ohne Schufa', 'Bis zu 5.000 € noch heute auf Ihrem Konto'], claims: ['Sofortkredit bis 5.000 € ohne Schufa-Auskunft, Auszahlung in 24 Stunden.', 'Auch bei negativer Bonität, ohne Papierkram, Zusage in Minuten.'] },
    fr: { subjects: ['Prêt accordé sans justificatif', 'Jusqu\'à 5 000 € sur votre compte aujourd\'hui'], claims: ['Obtenez un crédit rapide jusqu\'à 5 000 € même fiché à la Banque de France.', 'Sans justificatif, réponse de principe immédiate.'] },
    es: { subjects: ['Préstamo aprobado sin aval', 'Hasta 5.000 € en tu cuenta hoy'], claims: ['Consigue un préstamo rápido de hasta 5.000 € aunque estés en ASNEF.', 'Sin papeleo ni aval, aprobación en minutos.'] },
    it: { subjects: ['Prestito approvato anche se protestato', 'Fino a 5.000 € sul tuo conto oggi'], claims: ['Ottieni un prestito veloce fino a 5.000 € anche se cattivo pagatore.', 'Senza busta paga né garanzie, approvazione in pochi minuti.'] },
    nl: { subjects: ['Lening goedgekeurd zonder BKR-toets', 'Tot € 5.000 vandaag op je rekening'], claims: ['Snel geld lenen tot € 5.000 zonder BKR-toetsing, binnen 24 uur op je rekening.', 'Geen papierwerk, direct goedgekeurd.'] },
    pt: { subjects: ['Empréstimo aprovado mesmo negativado', 'Até 5.000 € na sua conta hoje'], claims: ['Crédito rápido até 5.000 € mesmo com nome sujo ou negativado.', 'Sem papelada nem fiador, aprovação em minutos.'] },
  },
  beauty: {
    en: { subjects: ['Look 10 years younger in 14 days', 'The anti-wrinkle cream dermatologists fear'], claims: ['This serum erases wrinkles and crow\'s feet better than Botox, without needles.', 'Regrow thick hair in weeks with the formula Hollywood keeps secret.'] },
    de: { subjects: ['10 Jahre jünger in 14 Tagen', 'Faltenfrei ohne Botox'], claims: ['Dieses Serum glättet Falten besser als Botox, ganz ohne Spritze.', 'Volles Haar in wenigen Wochen dank der geheimen Formel.'] },
    fr: { subjects: ['Paraissez 10 ans de moins', 'La crème anti-rides qui remplace le Botox'], claims: ['Ce sérum efface les rides mieux que le Botox, sans aiguille.'] },
    es: { subjects: ['Aparenta 10 años menos', 'Adiós a las arrugas sin bótox'], claims: ['Este sérum borra las arrugas mejor que el bótox, sin agujas.'] },
    it: { subjects: ['Dimostra 10 anni di meno', 'Addio rughe senza botox'], claims: ['Questo siero cancella le rughe meglio del botox, senza aghi.'] },
    nl: { subjects: ['Zie er 10 jaar jonger uit', 'Rimpels weg zonder botox'], claims: ['Dit serum laat rimpels beter verdwijnen dan botox, zonder naalden.'] },
    pt: { subjects: ['Pareça 10 anos mais jovem', 'Adeus rugas sem botox'], claims: ['Este sérum elimina as rugas melhor que o botox, sem agulhas.'] },
  },
  investment: {
    en: { subjects: ['Turn $250 into $12,000 a month', 'The trading robot banks don\'t want you to know', 'Passive income: 3,000 dollars a week from home'], claims: ['Our AI trading robot made ordinary people millionaires with a deposit of only $250.', 'Earn passive income with Bitcoin automatically, 97% of trades are winners.', 'Elon Musk revealed this investment platform on live TV.'] },
    de: { subjects: ['Aus 250 € werden 12.000 € im Monat', 'Passives Einkommen mit dem Krypto-Roboter'], claims: ['Unser KI-Trading-Roboter macht normale Menschen zu Millionären, schon ab 250 € Einzahlung.', 'Verdienen Sie automatisch mit Bitcoin, 97 % der Trades sind Gewinne.'] },
    fr: { subjects: ['Transformez 250 € en 12 000 € par mois', 'Revenus passifs grâce au robot de trading'], claims: ['Notre robot de trading rend des gens ordinaires millionnaires avec un dépôt de 250 €.', 'Gagnez automatiquement avec le Bitcoin, 97 % de trades gagnants.'] },
    es: { subjects: ['Convierte 250 € en 12.000 € al mes', 'Ingresos pasivos con el robot de trading'], claims: ['Nuestro robot de trading con IA ha hecho millonarias a personas normales con solo 250 € de depósito.', 'Gana dinero con Bitcoin de forma automática, el 97 % de las operaciones ganan.'] },
    it: { subjects: ['Trasforma 250 € in 12.000 € al mese', 'Guadagni passivi con il robot di trading'], claims: ['Il nostro robot di trading con IA ha reso milionarie persone comuni con un deposito di soli 250 €.', 'Guadagna con i Bitcoin in automatico, il 97% delle operazioni vince.'] },
    nl: { subjects: ['Van € 250 naar € 12.000 per maand', 'Passief inkomen met de cryptorobot'], claims: ['Onze AI-handelsrobot maakt gewone mensen miljonair met een inleg van maar € 250.', 'Verdien automatisch met Bitcoin, 97% van de trades is winstgevend.'] },
    pt: { subjects: ['Transforme 250 € em 12.000 € por mês', 'Renda passiva com o robô de trading'], claims: ['O nosso robô de trading com IA tornou pessoas comuns milionárias com um depósito de apenas 250 €.', 'Ganhe dinheiro com Bitcoin automaticamente, 97% das operações são vencedoras.'] },
  },
  dating: {
    en: { subjects: ['Lonely women near you want to meet', 'Sarah (29) sent you a private message', 'Discreet affairs, no strings attached'], claims: ['Hundreds of single women in your area are looking for a discreet adventure tonight.', 'See her private photos and chat for free, no credit card needed.'] },
    de: { subjects: ['Einsame Frauen in deiner Nähe', 'Lisa (31) hat dir eine Nachricht geschickt'], claims: ['Hunderte Singles aus deiner Umgebung suchen heute Abend ein diskretes Abenteuer.', 'Sieh dir ihre privaten Fotos an und chatte kostenlos.'] },
    fr: { subjects: ['Des femmes seules près de chez vous', 'Julie (27) vous a envoyé un message'], claims: ['Des centaines de célibataires de votre région cherchent une aventure discrète ce soir.', 'Voyez ses photos privées et discutez gratuitement.'] },
    es: { subjects: ['Mujeres solteras cerca de ti', 'Laura (30) te ha enviado un mensaje'], claims: ['Cientos de solteras de tu zona buscan una aventura discreta esta noche.', 'Mira sus fotos privadas y chatea gratis.'] },
    it: { subjects: ['Donne sole vicino a te', 'Giulia (28) ti ha inviato un messaggio'], claims: ['Centinaia di single della tua zona cercano un\'avventura discreta stasera.', 'Guarda le sue foto private e chatta gratis.'] },
    nl: { subjects: ['Eenzame vrouwen bij jou in de buurt', 'Sanne (29) heeft je een bericht gestuurd'], claims: ['Honderden singles uit jouw regio zoeken vanavond een discreet avontuur.', 'Bekijk haar privéfoto\'s en chat gratis.'] },
    pt: { subjects: ['Mulheres solteiras perto de si', 'Ana (27) enviou-lhe uma mensagem'], claims: ['Centenas de solteiras da sua zona procuram uma aventura discreta esta noite.', 'Veja as fotos privadas dela e converse grátis.'] },
  },
  'work-from-home': {
    en: { subjects: ['Earn $500 a day from your phone', 'Hiring now: work from home, no experience'], claims: ['Make $500 a day working from home just 2 hours a day, no experience needed.', 'Join thousands of moms who quit their job and earn online.'] },
    de: { subjects: ['500 € am Tag vom Handy aus', 'Heimarbeit ohne Vorkenntnisse'], claims: ['Verdiene 500 € am Tag von zu Hause mit nur 2 Stunden Arbeit, ohne Vorkenntnisse.'] },
    fr: { subjects: ['Gagnez 500 € par jour depuis chez vous'], claims: ['Gagnez 500 € par jour en travaillant 2 heures depuis chez vous, sans expérience.'] },
    es: { subjects: ['Gana 500 € al día desde casa'], claims: ['Gana 500 € al día trabajando 2 horas desde casa, sin experiencia.'] },
    it: { subjects: ['Guadagna 500 € al giorno da casa'], claims: ['Guadagna 500 € al giorno lavorando 2 ore da casa, senza esperienza.'] },
    nl: { subjects: ['Verdien € 500 per dag vanuit huis'], claims: ['Verdien € 500 per dag met 2 uur werk vanuit huis, zonder ervaring.'] },
    pt: { subjects: ['Ganhe 500 € por dia a partir de casa'], claims: ['Ganhe 500 € por dia a trabalhar 2 horas a partir de casa, sem experiência.'] },
  },
  'miracle-cure': {
    en: { subjects: ['Joint pain gone in 7 days', 'Doctors stunned: blood sugar back to normal', 'Restore perfect hearing naturally'], claims: ['This natural remedy ends joint pain and arthritis in just 7 days.', 'Diabetics are throwing away their insulin after discovering this simple trick.', 'The secret that restores perfect vision without glasses or surgery.'] },
    de: { subjects: ['Gelenkschmerzen in 7 Tagen weg', 'Ärzte staunen: Blutzucker wieder normal', 'Wieder perfekt hören ohne Hörgerät'], claims: ['Dieses Naturheilmittel beendet Gelenkschmerzen und Arthrose in nur 7 Tagen.', 'Diabetiker werfen ihr Insulin weg, seit sie diesen einfachen Trick kennen.', 'Das Geheimnis, das Ihre Sehkraft ohne Brille und ohne Operation zurückbringt.'] },
    fr: { subjects: ['Fini les douleurs articulaires en 7 jours', 'Les médecins stupéfaits : glycémie normale'], claims: ['Ce remède naturel met fin aux douleurs articulaires et à l\'arthrose en 7 jours.', 'Les diabétiques jettent leur insuline après avoir découvert cette astuce.'] },
    es: { subjects: ['Adiós al dolor de articulaciones en 7 días', 'Médicos asombrados: azúcar en sangre normal'], claims: ['Este remedio natural acaba con el dolor articular y la artrosis en 7 días.', 'Los diabéticos tiran su insulina tras descubrir este sencillo truco.'] },
    it: { subjects: ['Addio dolori articolari in 7 giorni', 'Medici sbalorditi: glicemia di nuovo normale'], claims: ['Questo rimedio naturale elimina dolori articolari e artrosi in soli 7 giorni.', 'I diabetici buttano l\'insulina dopo aver scoperto questo semplice trucco.'] },
    nl: { subjects: ['Gewrichtspijn weg in 7 dagen', 'Artsen verbaasd: bloedsuiker weer normaal'], claims: ['Dit natuurlijke middel maakt een einde aan gewrichtspijn en artrose in 7 dagen.', 'Diabetici gooien hun insuline weg na deze eenvoudige truc.'] },
    pt: { subjects: ['Dores nas articulações acabam em 7 dias', 'Médicos surpreendidos: glicemia normal'], claims: ['Este remédio natural acaba com as dores nas articulações e a artrose em 7 dias.', 'Os diabéticos deitam fora a insulina depois de descobrirem este truque simples.'] },
  },
  gadget: {
    en: { subjects: ['Cut your electricity bill by 90%', 'This tiny heater is selling out everywhere', 'Military-grade drone at 70% off'], claims: ['Just plug it in: this energy saver cuts your power bill by up to 90%.', 'The portable heater that warms any room in minutes for pennies a day.', 'Stock is running out fast after the TV report.'] },
    de: { subjects: ['Stromrechnung um 90 % senken', 'Dieser Mini-Heizer ist überall ausverkauft'], claims: ['Einfach einstecken: dieser Stromsparer senkt Ihre Stromrechnung um bis zu 90 %.', 'Die tragbare Heizung wärmt jeden Raum in Minuten für wenige Cent am Tag.'] },
    fr: { subjects: ['Divisez votre facture d\'électricité par 10', 'Ce mini-chauffage est en rupture partout'], claims: ['Branchez-le : ce boîtier économiseur réduit votre facture d\'électricité jusqu\'à 90 %.', 'Le chauffage portable qui réchauffe une pièce en quelques minutes.'] },
    es: { subjects: ['Reduce tu factura de la luz un 90 %', 'El mini calefactor que arrasa'], claims: ['Solo enchúfalo: este ahorrador de energía reduce tu factura de la luz hasta un 90 %.', 'El calefactor portátil que calienta cualquier habitación en minutos.'] },
    it: { subjects: ['Taglia la bolletta della luce del 90%', 'Il mini stufetta che va a ruba'], claims: ['Basta collegarlo: questo risparmiatore di energia taglia la bolletta fino al 90%.', 'La stufetta portatile che riscalda ogni stanza in pochi minuti.'] },
    nl: { subjects: ['Verlaag je energierekening met 90%', 'Deze mini-kachel is overal uitverkocht'], claims: ['Stekker erin: deze energiebespaarder verlaagt je stroomrekening tot 90%.', 'De draagbare kachel die elke kamer in minuten verwarmt.'] },
    pt: { subjects: ['Reduza a conta da luz em 90%', 'O mini aquecedor que está a esgotar'], claims: ['Basta ligar à tomada: este poupador de energia reduz a conta da luz até 90%.', 'O aquecedor portátil que aquece qualquer divisão em minutos.'] },
  },
};

/** What every offer adds around its pitch: the deal, the push to act now, the button and the opt-out. */
interface Frame {
  greeting: string[];
  deal: string[];
  urgency: string[];
  button: string[];
  optOut: string[];
}

const frames: Record<Lang, Frame> = {
  en: { greeting: ['Hi there,', 'Dear friend,', 'Hello,', ''], deal: ['Order today and get 2 bottles free.', 'Special price for our readers: 70% off, free shipping.', 'Try it risk-free with our 60-day money-back guarantee.'], urgency: ['Only a few units left in stock.', 'This offer expires at midnight.', 'Hurry, supplies are limited!'], button: ['ORDER NOW', 'Claim my discount', 'Click here', 'Yes, I want it!'], optOut: ['If you no longer wish to receive these emails, unsubscribe here.', 'You received this message because you subscribed to our partner offers. Unsubscribe.'] },
  de: { greeting: ['Hallo,', 'Liebe Leserin, lieber Leser,', 'Guten Tag,', ''], deal: ['Heute bestellen und 2 Packungen gratis erhalten.', 'Sonderpreis nur für unsere Leser: 70 % Rabatt, versandkostenfrei.', 'Jetzt risikofrei testen mit 60 Tagen Geld-zurück-Garantie.'], urgency: ['Nur noch wenige Packungen auf Lager.', 'Das Angebot endet um Mitternacht.', 'Schnell sein, solange der Vorrat reicht!'], button: ['JETZT BESTELLEN', 'Rabatt sichern', 'Hier klicken', 'Ja, ich will es!'], optOut: ['Wenn Sie diese E-Mails nicht mehr erhalten möchten, melden Sie sich hier ab.', 'Sie erhalten diese Nachricht, weil Sie Angebote unserer Partner abonniert haben. Abmelden.'] },
  fr: { greeting: ['Bonjour,', 'Cher ami,', 'Chère lectrice, cher lecteur,', ''], deal: ['Commandez aujourd\'hui et recevez 2 flacons offerts.', 'Prix spécial pour nos lecteurs : -70 %, livraison gratuite.', 'Essayez sans risque, satisfait ou remboursé pendant 60 jours.'], urgency: ['Plus que quelques unités en stock.', 'Cette offre expire à minuit.', 'Dépêchez-vous, stock limité !'], button: ['COMMANDER MAINTENANT', 'Profiter de la remise', 'Cliquez ici', 'Oui, je le veux !'], optOut: ['Si vous ne souhaitez plus recevoir nos e-mails, désinscrivez-vous ici.', 'Vous recevez ce message car vous êtes inscrit aux offres de nos partenaires. Se désabonner.'] },
  es: { greeting: ['Hola,', 'Querido amigo,', 'Estimado cliente,', ''], deal: ['Pide hoy y recibe 2 frascos gratis.', 'Precio especial para nuestros lectores: 70 % de descuento, envío gratis.', 'Pruébalo sin riesgo con 60 días de garantía de devolución.'], urgency: ['Quedan pocas unidades en stock.', 'Esta oferta termina a medianoche.', '¡Date prisa, existencias limitadas!'], button: ['PEDIR AHORA', 'Quiero mi descuento', 'Haz clic aquí', '¡Sí, lo quiero!'], optOut: ['Si no deseas recibir más correos, date de baja aquí.', 'Recibes este mensaje porque te suscribiste a ofertas de nuestros socios. Darse de baja.'] },
  it: { greeting: ['Ciao,', 'Caro amico,', 'Gentile cliente,', ''], deal: ['Ordina oggi e ricevi 2 confezioni in omaggio.', 'Prezzo speciale per i nostri lettori: sconto del 70%, spedizione gratuita.', 'Provalo senza rischi, soddisfatti o rimborsati per 60 giorni.'], urgency: ['Ultimi pezzi disponibili.', 'L\'offerta scade a mezzanotte.', 'Affrettati, scorte limitate!'], button: ['ORDINA ORA', 'Approfitta dello sconto', 'Clicca qui', 'Sì, lo voglio!'], optOut: ['Se non desideri più ricevere queste email, cancellati qui.', 'Ricevi questo messaggio perché sei iscritto alle offerte dei nostri partner. Annulla iscrizione.'] },
  nl: { greeting: ['Hallo,', 'Beste lezer,', 'Beste klant,', ''], deal: ['Bestel vandaag en ontvang 2 potjes gratis.', 'Speciale prijs voor onze lezers: 70% korting, gratis verzending.', 'Probeer het zonder risico met 60 dagen niet-goed-geld-terug.'], urgency: ['Nog maar een paar op voorraad.', 'Deze aanbieding verloopt om middernacht.', 'Wees er snel bij, op = op!'], button: ['BESTEL NU', 'Claim mijn korting', 'Klik hier', 'Ja, ik wil het!'], optOut: ['Wil je deze e-mails niet meer ontvangen? Meld je hier af.', 'Je ontvangt dit bericht omdat je je hebt aangemeld voor aanbiedingen van onze partners. Afmelden.'] },
  pt: { greeting: ['Olá,', 'Caro amigo,', 'Prezado cliente,', ''], deal: ['Encomende hoje e receba 2 frascos grátis.', 'Preço especial para os nossos leitores: 70% de desconto, portes grátis.', 'Experimente sem risco com garantia de devolução de 60 dias.'], urgency: ['Restam poucas unidades em stock.', 'Esta oferta termina à meia-noite.', 'Apresse-se, stock limitado!'], button: ['ENCOMENDAR AGORA', 'Quero o meu desconto', 'Clique aqui', 'Sim, eu quero!'], optOut: ['Se não deseja receber mais e-mails, cancele a subscrição aqui.', 'Recebe esta mensagem porque subscreveu ofertas dos nossos parceiros. Cancelar subscrição.'] },
};

export const offerKinds = Object.keys(kinds);

/**
 * Kinds the shipped model never learns from (every third), so that eval:spam can say how it does on offers of a kind
 * it has not seen, beside the ones it has (on other seeds).
 */
export const modelHeldOutOffers: ReadonlySet<string> = new Set(offerKinds.filter((_, i) => i % 3 === 2));

/** Mailboxes a spam run sends from: small businesses' hijacked accounts, free mail and domains bought for the run. */
function senderDomain(r: Rand): string {
  return r.pick([
    r.pick(['autohaus-keller.de', 'bloemenhuis-vos.nl', 'padaria-central.pt', 'ferreteria-lopez.es', 'agence-lemaire.fr', 'pizzeria-dacarlo.it', 'brightsmile-dental.com']),
    r.pick(['gmail.com', 'outlook.com', 'hotmail.com', 'yahoo.com']),
    `${token(r, r.int(6, 10), 'abcdefghijklmnopqrstuvwxyz')}.${r.pick(['shop', 'online', 'xyz', 'top', 'store', 'click', 'com'])}`,
  ]);
}

/** Where the offer sends the reader: a page of the run's own, a shortened address or a free host. */
function landing(r: Rand): string {
  return r.pick([
    `https://${token(r, r.int(6, 11), 'abcdefghijklmnopqrstuvwxyz')}.${r.pick(['shop', 'online', 'xyz', 'top', 'store', 'life', 'com'])}/${r.pick(['offer', 'go', 'lp', 'promo', 'order'])}/${token(r, 6)}`,
    `https://${r.pick(['bit.ly', 'tinyurl.com', 'rb.gy', 'is.gd'])}/${token(r, 7)}`,
    `https://${token(r, 9)}.${r.pick(['web.app', 'pages.dev', 'wixsite.com'])}/${token(r, 5)}`,
  ]);
}

export async function generateOffer(seed: number): Promise<Generated> {
  const r = rand(seed);
  const kind = offerKinds[seed % offerKinds.length]!;
  const lang = r.pick(Object.keys(kinds[kind]!) as Lang[]);
  const pitch = kinds[kind]![lang]!;
  const frame = frames[lang];
  const domain = senderDomain(r);
  const from = person(r, lang, domain);
  const to = person(r, lang);
  const link = landing(r);
  const optOutLink = r.chance(0.5) ? link.replace(/\/[^/]*$/, `/unsubscribe?id=${token(r, 10)}`) : `mailto:remove@${domain}`;
  const sentences = [r.pick(frame.greeting), ...pitch.claims.filter(() => r.chance(0.8)), r.pick(frame.deal), r.pick(frame.urgency)].filter(Boolean);
  if (sentences.length < 3) sentences.push(pitch.claims[0]!);
  const button = r.pick(frame.button);
  const optOut = r.pick(frame.optOut);
  const text = `${sentences.join('\n\n')}\n\n${button}: ${link}\n\n--\n${optOut} ${optOutLink}\n`;
  const html =
    `<html><body style="font-family:Arial,sans-serif"><table width="600" align="center"><tr><td>` +
    (r.chance(0.6) ? `<a href="${link}"><img src="https://${r.pick(['i.imgur.com', 'i.ibb.co', `cdn.${token(r, 6)}.com`])}/${token(r, 8)}.jpg" width="600" alt=""></a>` : '') +
    sentences.map((s) => `<p style="font-size:16px">${s}</p>`).join('') +
    `<p align="center"><a href="${link}" style="background:#e8491d;color:#fff;padding:14px 28px;font-weight:bold;text-decoration:none">${button}</a></p>` +
    `<p style="font-size:11px;color:#888">${optOut.replace(/(\S+)\.?$/, `<a href="${optOutLink}">$1</a>`)}</p></td></tr></table></body></html>`;
  // A fixed MIME boundary: the composer draws a random one otherwise, and the same seed must give the same bytes.
  const raw = await new MailComposer({
    ...({ baseBoundary: token(r, 16) } as Mail.Options),
    from: { name: r.pick([`${from.first} ${from.last}`, r.pick(pitch.subjects).split(/[:,!]/)[0]!, 'Special Offer']), address: from.email },
    to: to.email,
    subject: r.pick(pitch.subjects),
    date: new Date(Date.parse('2026-11-02T09:30:00Z') + (seed % 86400) * 1000),
    messageId: `<${token(r, 16)}@${domain}>`,
    html,
    ...(r.chance(0.6) ? { text } : {}),
  }).compile().build();
  return { kind, seed, raw, mailFrom: from.email, authUser: from.email, recipients: [to.email] };
}
