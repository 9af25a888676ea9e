/**
 * Countries, continents and large cities, lower case: a capitalised word
 * opening a sentence is a name (for the different-name rule, decision 030)
 * when it is one of these ("India emits…" vs "China emits…"). A capital
 * anywhere else is a name anyway; this list only covers the sentence start.
 */
export const PLACE_NAMES: ReadonlySet<string> = new Set(
  `afghanistan albania algeria angola argentina armenia australia austria azerbaijan bahrain bangladesh belarus
  belgium bolivia bosnia botswana brazil britain bulgaria cambodia cameroon canada chile china colombia congo
  croatia cuba cyprus czechia denmark ecuador egypt england estonia ethiopia finland france georgia germany ghana
  greece hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya
  korea kosovo kuwait latvia lebanon libya lithuania luxembourg malaysia mali malta mexico moldova mongolia
  montenegro morocco mozambique myanmar namibia nepal netherlands holland nigeria norway pakistan palestine panama
  paraguay peru philippines poland portugal qatar romania russia rwanda scotland senegal serbia singapore slovakia
  slovenia somalia spain sudan sweden switzerland syria taiwan tanzania thailand tunisia turkey uganda ukraine
  uruguay uzbekistan venezuela vietnam wales yemen zambia zimbabwe america europe africa asia oceania antarctica
  arctic scandinavia london paris berlin madrid rome tokyo beijing delhi moscow chicago houston boston seattle
  manchester birmingham glasgow edinburgh cardiff belfast dublin sydney toronto texas california florida ohio
  arizona york orleans`.split(/\s+/),
);
